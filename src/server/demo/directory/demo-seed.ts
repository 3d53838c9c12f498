import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { ModuleDeps } from '../../platform/module';
import { bulkInsertFacilities } from './bulk-insert';
import { linkOrganisationToDemoClinic, linkOrganisationToDemoStation } from './demo.queries';
import { seedDemoStatistics } from './demo-statistics';
import { type DemoFacility, generateFacilities, meguroMix } from './facility-generator';
import { installGeography, loadMeguroGeography } from './meguro-geography';

export const DEMO_SEED = 131_105;
const MEGURO = '131105';
/** The accounts module's demo organisation whose facility_editor edits a directory facility. */
const DEMO_EDITOR_ORGANISATION = 'デモひまわり訪問看護ステーション（デモ）';
/** The demo clinician's clinic: linked to a demo clinic so referrals to that facility reach its inbox. */
const DEMO_CLINIC_ORGANISATION = 'デモ青葉在宅クリニック（デモ）';

/**
 * 目黒区's demo directory: districts and 町丁, 720 fictional facilities (is_demo), statistics
 * since FY2023, a few items in the review queue, and the demo editor's facility link.
 * Idempotent: facilities are generated only when the municipality has no demo facility yet.
 */
export async function seedDirectoryDemo(
  deps: ModuleDeps,
  municipalityCode: string,
  log: (line: string) => void,
) {
  if (municipalityCode !== MEGURO) {
    log('  directory: デモデータは目黒区（131105）のみです / demo directory exists for 131105 only');
    return;
  }
  const started = Date.now();
  const geography = loadMeguroGeography();
  const inserted = await deps.db.transaction().execute(async (trx) => {
    await installGeography(trx, geography, municipalityCode);
    const existing = await trx
      .selectFrom('facilities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_code', '=', municipalityCode)
      .where('is_demo', '=', true)
      .executeTakeFirst();
    if (Number(existing?.n ?? 0) > 0) return 0;
    const total = meguroMix.reduce((s, [, n]) => s + n, 0);
    const facilities = generateFacilities(total, DEMO_SEED, geography);
    await bulkInsertFacilities(trx, facilities);
    await seedDemoStatistics(
      trx,
      municipalityCode,
      facilities.map((f) => f.id),
    );
    await seedDemoQueue(trx, facilities);
    return facilities.length;
  });
  await deps.db.transaction().execute((trx) => linkDemoEditor(trx, municipalityCode));
  await deps.db.transaction().execute((trx) => linkDemoClinic(trx, municipalityCode));
  log(
    inserted > 0
      ? `  directory: ${inserted} 施設（架空）を作成しました / ${inserted} fictional facilities (${Date.now() - started} ms)`
      : '  directory: デモ施設は作成済みです / demo facilities already present',
  );
}

function pickEditorFacility(facilities: DemoFacility[]): DemoFacility | undefined {
  const stations = facilities.filter((f) => f.type === 'visiting_nurse_station' && !f.mainStationId);
  return stations.find((f) => f.name.includes('ひまわり')) ?? stations[0];
}

/** A pending editor change and two residents' reports, so the review queue is not empty. */
async function seedDemoQueue(trx: Transaction<Database>, facilities: DemoFacility[]) {
  const station = pickEditorFacility(facilities);
  const clinics = facilities.filter((f) => f.type === 'clinic');
  if (station) {
    await trx
      .insertInto('facility_change_requests')
      .values({
        municipality_code: station.municipalityCode,
        facility_id: station.id,
        source: 'editor',
        base_version: 1,
        changes: JSON.stringify({
          phone: '03-0999-1234',
          capabilities: [...new Set([...station.capabilities.map((c) => c.code), 'pediatric'])].sort(),
        }),
        note: '小児の受け入れを始めました。電話番号も変わりました。（デモ）',
        submitted_by_label: 'editor@demo.zaitaku.jp',
      })
      .execute();
  }
  const reports: Array<[number, 'phone' | 'hours', string]> = [
    [3, 'phone', '電話がつながりませんでした。番号が変わっているかもしれません。（デモ）'],
    [17, 'hours', '木曜の午後も診療していました。（デモ）'],
  ];
  for (const [i, category, message] of reports) {
    const clinic = clinics[i];
    if (!clinic) continue;
    await trx
      .insertInto('facility_change_requests')
      .values({
        municipality_code: clinic.municipalityCode,
        facility_id: clinic.id,
        source: 'resident_report',
        report_category: category,
        report_message: message,
        changes: null,
      })
      .execute();
  }
}

/** Lets the demo facility_editor account edit one demo visiting-nurse station. */
async function linkDemoEditor(trx: Transaction<Database>, municipalityCode: string) {
  await linkOrganisationToDemoStation(trx, municipalityCode, DEMO_EDITOR_ORGANISATION);
}

/**
 * Links the demo clinician's clinic to one demo clinic of the directory (the first by source id),
 * so a referral the demo hospital sends to that facility is the clinician's incoming referral.
 */
async function linkDemoClinic(trx: Transaction<Database>, municipalityCode: string) {
  await linkOrganisationToDemoClinic(trx, municipalityCode, DEMO_CLINIC_ORGANISATION);
}
