import { DEMO_EMAILS, demoContext } from '../../demo/demo-context';
import type { ModuleDeps } from '../../platform/module';
import { openCase, transitionCase } from './discharge-case.service';
import {
  confirmChange,
  notifyIncumbent,
  proposeChange,
  recordConsent,
  respondToChange,
} from './provider-change.service';
import { seedReferralDemo } from './referral-demo.seed';

const HOSPITAL_EMAIL = DEMO_EMAILS.hospital;
const CLINICIAN_EMAIL = DEMO_EMAILS.clinician;
const HOME_VISIT_LABEL = 'めぐろ在宅クリニック（架空・デモ）';

/**
 * Cases in several states for the demo hospital, through the module's own use cases (so notices,
 * audit and access log are as in real use): one change waiting for consent, one waiting for the
 * demo family doctor's answer (in their pending list), one confirmed, and a case just opened.
 * Idempotent: skipped when the municipality already has cases.
 */
export async function seedDischargeDemo(
  deps: ModuleDeps,
  municipalityCode: string,
  log: (line: string) => void,
): Promise<void> {
  const existing = await deps.db
    .selectFrom('discharge_cases')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const hospital = await demoContext(deps, municipalityCode, HOSPITAL_EMAIL);
  const clinician = await demoContext(deps, municipalityCode, CLINICIAN_EMAIL);
  const hospitalOrg = hospital?.actor?.memberships[0]?.organisationId;
  if (!hospital || !clinician || !hospitalOrg) return;
  const patients = await deps.db
    .selectFrom('patients as p')
    .innerJoin('care_circle_memberships as m', 'm.patient_id', 'p.id')
    .select(['p.id', 'p.name'])
    .where('p.municipality_code', '=', municipalityCode)
    .where('p.fictional', '=', true)
    .where('m.role', '=', 'admitting_hospital')
    .where('m.organisation_id', '=', hospitalOrg)
    .where('m.valid_to', 'is', null)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  // Patients whose family doctor is the demo clinician's clinic: it answers in the demo.
  const clinicOrg = clinician.actor?.memberships[0]?.organisationId ?? '';
  const withDoctor = new Set(
    (
      await deps.db
        .selectFrom('care_circle_memberships')
        .select('patient_id')
        .where('role', '=', 'family_doctor')
        .where('organisation_id', '=', clinicOrg)
        .where('valid_to', 'is', null)
        .execute()
    ).map((r) => r.patient_id),
  );
  let changes = 0;
  const today = new Date(Date.now() + 9 * 3600_000);
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const consentBody = {
    givenBy: 'representative' as const,
    representativeName: '長女（架空・デモ）',
    givenAt: new Date(Date.now() - 3600_000).toISOString(),
    method: 'in_person' as const,
    agreed: '退院後は訪問診療に切り替える。かかりつけ医には病院から連絡する。',
    offeredKeepCurrent: true,
    offeredSharedCare: true,
  };
  let cases = 0;
  for (const [index, patient] of patients.entries()) {
    const kase = await openCase(deps, hospital, {
      patientId: patient.id,
      hospitalName: '架空総合病院（デモ）',
      admittedOn: day(-10 - index),
      expectedDischargeOn: day(7 + index),
      note: 'デモ用の架空の事例です。',
    });
    cases++;
    if (!withDoctor.has(patient.id) || changes > 2) continue;
    const step = changes++;
    await transitionCase(deps, hospital, kase.id, { event: 'plan' });
    const change = await proposeChange(deps, hospital, {
      patientId: patient.id,
      caseId: kase.id,
      role: 'family_doctor',
      toRole: 'home_visit_doctor',
      toLabel: HOME_VISIT_LABEL,
      reason: '通院が難しくなったため（デモ）',
    });
    if (step === 0) continue; // behind the gate: no consent yet
    await recordConsent(deps, hospital, change.id, consentBody);
    await notifyIncumbent(deps, hospital, change.id);
    if (step === 1) continue; // behind the gate: the demo family doctor has not answered
    await respondToChange(deps, clinician, change.id, { answer: 'agree' });
    await confirmChange(deps, hospital, change.id);
    await transitionCase(deps, hospital, kase.id, { event: 'schedule' });
  }
  log(`  discharge: 退院支援 ${cases} 件（架空・デモ） / fictional discharge cases`);
  await seedReferralDemo(deps, hospital, municipalityCode, log);
}
