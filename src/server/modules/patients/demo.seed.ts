import { normalizeSearchKey } from '../../../contracts/japanese-text';
import type { CareLevel, CareRole, Sex } from '../../../contracts/patients';
import type { ModuleDeps } from '../../platform/module';
import { resolveTown } from '../directory';
import { insertMembership } from './care-circle.queries';
import { insertPatient } from './patient.queries';

// Demo organisations of the accounts module's demo, by name (modules share no code for this).
const ORG = {
  hospital: 'デモ目黒さくら病院（デモ）',
  clinic: 'デモ青葉在宅クリニック（デモ）',
  nursing: 'デモひまわり訪問看護ステーション（デモ）',
  care: 'デモけやき居宅介護支援事業所（デモ）',
  centreNorth: '目黒区北部地域包括支援センター（デモ）',
  centreEast: '目黒区東部地域包括支援センター（デモ）',
} as const;
type OrgKey = keyof typeof ORG;

type DemoPatient = {
  name: string;
  kana: string;
  birthDate: string;
  sex: Sex;
  town: string;
  careLevel: CareLevel;
  keyPerson?: { name: string; relation: string };
  /**
   * `org`: a demo organisation (with accounts); `person`: a name only; `pharmacyByFax`: the first
   * directory pharmacy with a FAX number and no account, so the demo shows a notice sent by FAX.
   */
  circle: Array<{ role: CareRole; org?: OrgKey; person?: string; pharmacyByFax?: true; daysAgo: number }>;
};

// 見本 (sample) names, all fictional; the page adds （デモ・架空）. Each demo account sees its own:
// hospital@ the admitted ones, clinician@ its family-doctor patients, caremanager@ and center@ theirs.
const DEMO_PATIENTS: DemoPatient[] = [
  {
    name: '見本 一郎',
    kana: 'ミホン イチロウ',
    birthDate: '1940-03-03',
    sex: 'male',
    town: '上目黒三丁目',
    careLevel: 'care_2',
    keyPerson: { name: '見本 花子', relation: '妻' },
    circle: [
      { role: 'family_doctor', org: 'clinic', daysAgo: 2400 },
      { role: 'family_pharmacy', pharmacyByFax: true, daysAgo: 1800 },
      { role: 'care_manager', org: 'care', daysAgo: 900 },
      { role: 'support_center', org: 'centreNorth', daysAgo: 900 },
      { role: 'admitting_hospital', org: 'hospital', daysAgo: 6 },
    ],
  },
  {
    name: '見本 春子',
    kana: 'ミホン ハルコ',
    birthDate: '1936-04-10',
    sex: 'female',
    town: '青葉台二丁目',
    careLevel: 'care_3',
    keyPerson: { name: '見本 太一', relation: '長男' },
    circle: [
      { role: 'family_doctor', org: 'clinic', daysAgo: 3000 },
      { role: 'visiting_nurse', org: 'nursing', daysAgo: 400 },
      { role: 'admitting_hospital', org: 'hospital', daysAgo: 12 },
    ],
  },
  {
    name: '見本 夏男',
    kana: 'ミホン ナツオ',
    birthDate: '1944-07-21',
    sex: 'male',
    town: '東山一丁目',
    careLevel: 'support_2',
    circle: [
      { role: 'family_doctor', org: 'clinic', daysAgo: 1500 },
      { role: 'care_manager', org: 'care', daysAgo: 300 },
    ],
  },
  {
    name: '見本 秋子',
    kana: 'ミホン アキコ',
    birthDate: '1931-09-30',
    sex: 'female',
    town: '駒場四丁目',
    careLevel: 'care_4',
    keyPerson: { name: '見本 紅葉', relation: '長女' },
    circle: [
      { role: 'family_doctor', person: '架空内科 院長（デモ）', daysAgo: 4000 },
      { role: 'care_manager', org: 'care', daysAgo: 700 },
      { role: 'support_center', org: 'centreNorth', daysAgo: 700 },
      { role: 'admitting_hospital', org: 'hospital', daysAgo: 3 },
    ],
  },
  {
    name: '見本 冬彦',
    kana: 'ミホン フユヒコ',
    birthDate: '1939-12-24',
    sex: 'male',
    town: '大橋一丁目',
    careLevel: 'applying',
    keyPerson: { name: '見本 雪', relation: '姪' },
    circle: [
      { role: 'support_center', org: 'centreNorth', daysAgo: 60 },
      { role: 'care_manager', org: 'care', daysAgo: 20 },
    ],
  },
  {
    name: '見本 桜',
    kana: 'ミホン サクラ',
    birthDate: '1942-03-28',
    sex: 'female',
    town: '上目黒一丁目',
    careLevel: 'care_1',
    circle: [
      { role: 'family_doctor', org: 'clinic', daysAgo: 800 },
      { role: 'family_dentist', person: '架空歯科 院長（デモ）', daysAgo: 1200 },
      { role: 'family_pharmacy', person: '架空薬局（デモ）', daysAgo: 1200 },
      { role: 'admitting_hospital', org: 'hospital', daysAgo: 9 },
    ],
  },
  {
    name: '見本 梅子',
    kana: 'ミホン ウメコ',
    birthDate: '1929-02-11',
    sex: 'female',
    town: '青葉台四丁目',
    careLevel: 'care_5',
    keyPerson: { name: '見本 竹男', relation: '長男' },
    circle: [
      { role: 'support_center', org: 'centreNorth', daysAgo: 1000 },
      { role: 'admitting_hospital', org: 'hospital', daysAgo: 20 },
    ],
  },
  {
    name: '見本 竹男',
    kana: 'ミホン タケオ',
    birthDate: '1947-05-05',
    sex: 'male',
    town: '中目黒二丁目',
    careLevel: 'none',
    circle: [
      { role: 'family_doctor', org: 'clinic', daysAgo: 500 },
      { role: 'support_center', org: 'centreEast', daysAgo: 100 },
    ],
  },
];

/**
 * Eight fictional patients (fictional = true) in 目黒区 with circles linked to the demo
 * organisations, so each demo account sees its own patients on first sign-in. Idempotent: skipped
 * when the municipality already has fictional patients.
 */
export async function seedPatientsDemo(
  deps: ModuleDeps,
  municipalityCode: string,
  log: (line: string) => void,
): Promise<void> {
  if (municipalityCode !== '131105') return;
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('patients')
      .select('id')
      .where('municipality_code', '=', municipalityCode)
      .where('fictional', '=', true)
      .limit(1)
      .executeTakeFirst();
    if (existing) return;
    const orgRows = await trx
      .selectFrom('organisations')
      .select(['id', 'name', 'facility_id'])
      .where('municipality_code', '=', municipalityCode)
      .where('name', 'in', Object.values(ORG))
      .execute();
    const orgs = new Map(orgRows.map((o) => [o.name, o]));
    // Reached by FAX: a pharmacy of the directory that no organisation on Zaitaku stands for.
    const faxPharmacy = await trx
      .selectFrom('facilities as f')
      .select('f.id')
      .where('f.municipality_code', '=', municipalityCode)
      .where('f.type', '=', 'pharmacy')
      .where('f.status', '=', 'active')
      .where('f.fax', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('organisations as o').select('o.id').whereRef('o.facility_id', '=', 'f.id'),
          ),
        ),
      )
      .orderBy('f.name_kana')
      .orderBy('f.id')
      .executeTakeFirst();
    const now = new Date();
    for (const p of DEMO_PATIENTS) {
      const town = await resolveTown(trx, municipalityCode, p.town);
      const row = await insertPatient(trx, {
        municipality_code: municipalityCode,
        name: p.name,
        name_kana: p.kana,
        kana_key: normalizeSearchKey(p.kana),
        birth_date: p.birthDate,
        sex: p.sex,
        address_town: town?.name ?? p.town,
        address_detail: null,
        district_code: town?.district_code ?? null,
        insurer_number: null,
        insured_number: null,
        care_level: p.careLevel,
        key_person: p.keyPerson ? JSON.stringify({ ...p.keyPerson, phone: null }) : null,
        contacts: '[]',
        fictional: true,
        merged_into: null,
        created_by: null,
      });
      for (const m of p.circle) {
        const org = m.org ? orgs.get(ORG[m.org]) : undefined;
        if (m.org && !org) continue; // the accounts demo was not seeded: keep the named members only
        if (m.pharmacyByFax && !faxPharmacy) continue; // no directory demo: no pharmacy to name
        await insertMembership(trx, {
          municipality_code: municipalityCode,
          patient_id: row.id,
          role: m.role,
          facility_id: m.pharmacyByFax ? (faxPharmacy?.id ?? null) : (org?.facility_id ?? null),
          organisation_id: org?.id ?? null,
          person_name: m.person ?? null,
          valid_from: new Date(now.getTime() - m.daysAgo * 86_400_000),
          start_reason: 'demo',
          created_by: null,
        });
      }
    }
    log(`  patients: 架空の患者 ${DEMO_PATIENTS.length} 人（デモ） / fictional demo patients`);
  });
}
