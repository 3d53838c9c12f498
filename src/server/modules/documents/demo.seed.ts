import { DEMO_EMAILS, demoContext } from '../../demo/demo-context';
import type { ModuleDeps } from '../../platform/module';
import { createDocument, finaliseDocument } from './document.service';
import { getDocument } from './document-read.service';

const HOSPITAL_EMAIL = DEMO_EMAILS.hospital;
const CLINICIAN_EMAIL = DEMO_EMAILS.clinician;

/** A fictional 看護サマリー: every heading filled, so the A4 view and the export show their shape. */
export const demoNursingSummary = {
  destination: 'home',
  diagnosis: '心不全の増悪（架空・デモ）',
  paralysis: 'なし',
  adl: {
    mobilityIndoor: 'supervision',
    mobilityOutdoor: 'partial_assistance',
    transfer: 'supervision',
    dressing: 'partial_assistance',
    rising: 'independent',
    grooming: 'independent',
    bathing: 'full_assistance',
    eating: 'independent',
    urination: 'supervision',
    defecation: 'independent',
  },
  adlNote: '屋内は伝い歩き。屋外は車いす。',
  medicalProcedures: '在宅酸素療法 1L/分（労作時 2L/分）',
  medications: '利尿薬・降圧薬。一包化。家族が管理。',
  pressureUlcer: false,
  skin: '仙骨部に発赤なし。下腿に軽度浮腫。',
  dietForm: '常食（塩分 6g）',
  thickening: false,
  choking: false,
  dentures: true,
  oralCare: '義歯は毎食後に洗浄',
  nutrition: '体重を毎朝測定（増加 2kg/週で受診）',
  excretion: '夜間はポータブルトイレ',
  sleep: '夜間 2 回覚醒',
  cognition: '軽度の物忘れ。服薬は家族が確認。',
  caregiving: '長女が同居（日中は仕事）',
  allergies: 'なし',
  wishes: '本人：自宅で過ごしたい。家族：かかりつけ医を続けたい。',
  continuingProblems: '心不全の再増悪の予防（体重・息切れ・浮腫の観察）',
  careMethods: '入浴は訪問看護で見守り。息切れ時は休憩し、酸素を 2L/分に。',
};

/**
 * One finalised 看護サマリー for the first demo case whose family doctor is the demo clinician's
 * clinic, read once by that clinician: the author sees the receipt on first sign-in. Idempotent.
 */
export async function seedDocumentsDemo(
  deps: ModuleDeps,
  municipalityCode: string,
  log: (line: string) => void,
): Promise<void> {
  const existing = await deps.db
    .selectFrom('documents')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const hospital = await demoContext(deps, municipalityCode, HOSPITAL_EMAIL);
  const clinician = await demoContext(deps, municipalityCode, CLINICIAN_EMAIL);
  const clinicOrg = clinician?.actor.memberships[0]?.organisationId;
  if (!hospital || !clinician || !clinicOrg) return;
  const kase = await deps.db
    .selectFrom('discharge_cases as c')
    .innerJoin('care_circle_memberships as m', 'm.patient_id', 'c.patient_id')
    .select(['c.id', 'c.patient_id', 'c.admitted_on', 'c.expected_discharge_on'])
    .where('c.municipality_code', '=', municipalityCode)
    .where('m.role', '=', 'family_doctor')
    .where('m.organisation_id', '=', clinicOrg)
    .where('m.valid_to', 'is', null)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
  if (!kase) return;
  const draft = await createDocument(deps, hospital, {
    patientId: kase.patient_id,
    caseId: kase.id,
    kind: 'nursing_summary',
    title: '看護サマリー（架空・デモ）',
    content: {
      ...demoNursingSummary,
      admittedOn: String(kase.admitted_on).slice(0, 10),
      dischargeOn: kase.expected_discharge_on ? String(kase.expected_discharge_on).slice(0, 10) : null,
    },
  });
  const final = await finaliseDocument(deps, hospital, draft.id, { version: draft.version });
  await getDocument(deps, clinician, final.id);
  log(
    '  documents: 看護サマリー 1 件（確定・既読 1）（架空・デモ） / a fictional nursing summary, read once',
  );
}
