import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContext, importInput as input } from '../../../../../test/support/opendata/import-options';
import { openTestDatabase } from '../../../../../test/support/test-db';
import { toSixDigitCode } from '../../../../contracts/municipality-code';
import type { DatabaseHandle } from '../../../platform/db/database';
import { importOpenData } from './import.service';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/opendata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('open-data import', () => {
  let handle: DatabaseHandle;
  const count = async (table: 'facilities' | 'facility_history' | 'municipalities') => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      handle.db,
    );
    return rows[0]!.n;
  };
  const facility = (code: string) =>
    handle.db
      .selectFrom('facilities')
      .selectAll()
      .where('medical_institution_code', '=', code)
      .executeTakeFirstOrThrow();

  /** A committed test import by the system `test`, unless `extra` says otherwise. */
  const run = (bytes: Uint8Array, fileName: string, extra?: Parameters<typeof input>[2]) =>
    importOpenData(handle, importContext(), input(bytes, fileName, extra));

  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('commits nothing on a dry run but reports what would happen', async () => {
    const report = await run(fixture('medical-standard.csv'), 'a.csv', { dryRun: true });
    expect(report).toMatchObject({
      layout: 'medical_standard',
      encoding: 'utf-8',
      rows: 4,
      accepted: 4,
      created: 4,
    });
    expect(report.committed).toBe(false);
    expect(report.municipalitiesAdded).toEqual([{ code: '131105', name: '目黒区', prefecture: '東京都' }]);
    expect(await count('facilities')).toBe(0);
    expect(await count('municipalities')).toBe(0);
  });

  it('commits nothing when one row is rejected, and names its line and column', async () => {
    const report = await run(fixture('bad-check-digit.csv'), 'bad-check-digit.csv');
    expect(report).toMatchObject({ rows: 2, accepted: 1, rejected: 1, committed: false });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: '全国地方公共団体コード',
        code: 'row.invalid_municipality_code',
      }),
    ]);
    expect(await count('facilities')).toBe(0);
    expect(await count('municipalities')).toBe(0);
  });

  it('imports a standard list, adding the municipality it names', async () => {
    const report = await run(fixture('medical-standard.csv'), 'medical-standard.csv');
    expect(report).toMatchObject({ rows: 4, accepted: 4, rejected: 0, created: 4, updated: 0, unchanged: 0 });
    expect(report.committed).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.municipalitiesAdded).toEqual([{ code: '131105', name: '目黒区', prefecture: '東京都' }]);
    const clinic = await facility('1310012345');
    expect(clinic).toMatchObject({
      type: 'clinic',
      name: '髙﨑クリニック①（架空）',
      name_kana: 'タカサキクリニック',
      address_prefecture: '東京都',
      address_city: '目黒区',
      address_town: '上目黒2丁目',
      address_block: '3-4-5',
      postal_code: '1530051',
      phone: '03-3712-7111',
      beds: 19,
      beds_note: '休床中',
      departments: ['内科', '小児科'],
      closed_on_holidays: true,
    });
    expect(clinic.raw).toMatchObject({ 病床数: '19（休床中）', 名称_カナ: 'ﾀｶｻｷｸﾘﾆｯｸ' });
    expect(clinic).toMatchObject({
      hours_day: [1, 2, 3, 5],
      hours_open: [540, 540, 540, 540],
      hours_close: [1110, 1110, 1110, 1110],
      hours_shift_notes: [],
    });
    const hospital = await facility('1310000001');
    // 第2・第4土曜休診 in the note: weekday 6, n 2 and 4.
    expect(hospital.nth_closures).toEqual([62, 64]);
    // A new facility's open-data side keeps only the extra cells the file filled.
    const { extras } = await handle.db
      .selectFrom('opendata_facility_sources')
      .select('extras')
      .where('facility_id', '=', clinic.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(extras as object).length).toBeGreaterThan(0);
    expect(Object.values(extras as object)).not.toContain(null);
    const pharmacy = await facility('1340000004');
    expect(pharmacy.closed_on_holidays).toBe(false);
    expect(await count('municipalities')).toBe(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const history = await count('facility_history');
    const before = await handle.db.selectFrom('facilities').select(['id', 'version', 'updated_at']).execute();
    const report = await run(fixture('medical-standard.csv'), 'medical-standard.csv');
    expect(report).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4, committed: true });
    expect(await count('facility_history')).toBe(history);
    const after = await handle.db.selectFrom('facilities').select(['id', 'version', 'updated_at']).execute();
    expect(after).toEqual(before);
  });

  it('reads the same list in another layout and encoding as no change', async () => {
    const report = await run(fixture('medical-standard-alias.csv'), 'medical-standard-alias.csv');
    expect(report).toMatchObject({ rows: 2, unchanged: 2, created: 0, updated: 0 });
  });

  it('updates only what the file changed and writes one history row per facility', async () => {
    const text = fixture('medical-standard.csv').toString('utf8').replace('03-3719-4444', '03-3719-5555');
    const history = await count('facility_history');
    const hoursBefore = await facility('1340000004');
    const report = await run(Buffer.from(text), 'changed.csv');
    expect(report).toMatchObject({ updated: 1, unchanged: 3, created: 0, committed: true });
    const pharmacy = await facility('1340000004');
    expect(pharmacy.phone).toBe('03-3719-5555');
    expect(pharmacy.version).toBe(2);
    expect(await count('facility_history')).toBe(history + 1);
    // A change that is not about the hours leaves them as they were.
    expect(pharmacy.hours_day.length).toBeGreaterThan(0);
    expect([pharmacy.hours_day, pharmacy.hours_open, pharmacy.hours_close, pharmacy.nth_closures]).toEqual([
      hoursBefore.hours_day,
      hoursBefore.hours_open,
      hoursBefore.hours_close,
      hoursBefore.nth_closures,
    ]);
  });

  it('rewrites the hours of a facility whose file changed its days, keeping the closures of its note', async () => {
    // The list as the test before left it, then without its Saturday.
    const current = fixture('medical-standard.csv').toString('utf8').replace('03-3719-4444', '03-3719-5555');
    const before = await facility('1310000001');
    expect(before.hours_day).toContain(6);
    const weekdays = current.replace('1310000001,月火水木金土,', '1310000001,月火水木金,');
    expect(weekdays).not.toBe(current);
    const report = await run(Buffer.from(weekdays), 'weekdays.csv');
    expect(report).toMatchObject({ updated: 1, committed: true });
    const hospital = await facility('1310000001');
    expect(hospital.hours_day).toEqual(before.hours_day.filter((day) => day !== 6));
    expect(hospital.nth_closures).toEqual([62, 64]);
    // The list as it was brings the Saturday back.
    const back = await run(Buffer.from(current), 'changed.csv');
    expect(back).toMatchObject({ updated: 1, unchanged: 3 });
    expect((await facility('1310000001')).hours_day).toEqual(before.hours_day);
  });

  it('keeps the edits of the facility’s own editor unless the admin chooses to overwrite them', async () => {
    const pharmacy = await facility('1340000004');
    // What the directory does when the reviewer approves the editor's change.
    const editedAt = new Date(Date.now() + 1000);
    await handle.db
      .updateTable('facilities')
      .set({
        phone: '03-9999-0000',
        edited_by_editor_at: editedAt,
        updated_at: editedAt,
        version: pharmacy.version + 1,
      })
      .where('id', '=', pharmacy.id)
      .execute();
    await handle.db
      .insertInto('facility_history')
      .values({
        municipality_code: '131105',
        facility_id: pharmacy.id,
        version: pharmacy.version + 1,
        source: 'editor',
        changed_at: editedAt,
        changes: JSON.stringify({ phone: { before: pharmacy.phone, after: '03-9999-0000' } }),
      })
      .execute();
    const text = fixture('medical-standard.csv')
      .toString('utf8')
      .replace('03-3719-4444', '03-3719-6666')
      .replace('目黒ひまわり薬局（架空）', '目黒ひまわり調剤薬局（架空）');
    const kept = await run(Buffer.from(text), 'edited.csv');
    expect(kept).toMatchObject({ updated: 1, unchanged: 3, committed: true });
    expect(kept.editorEdits).toEqual([
      {
        line: 5,
        facilityId: pharmacy.id,
        name: '目黒ひまわり薬局（架空）',
        fields: ['電話番号'],
        overwritten: false,
      },
    ]);
    expect(await facility('1340000004')).toMatchObject({
      phone: '03-9999-0000',
      name: '目黒ひまわり調剤薬局（架空）',
    });

    const again = await run(Buffer.from(text), 'edited.csv');
    expect(again).toMatchObject({ updated: 0, unchanged: 4 });
    expect(again.editorEdits).toHaveLength(1);

    const overwritten = await run(Buffer.from(text), 'edited.csv', { overwriteEditorEdits: true });
    expect(overwritten).toMatchObject({ updated: 1, unchanged: 3 });
    expect(overwritten.editorEdits).toEqual([
      expect.objectContaining({ fields: ['電話番号'], overwritten: true }),
    ]);
    expect((await facility('1340000004')).phone).toBe('03-3719-6666');

    const settled = await run(Buffer.from(text), 'edited.csv');
    expect(settled).toMatchObject({ updated: 0, unchanged: 4, editorEdits: [] });
  });

  it('keeps one record per service of a care office and matches each by (事業所番号, サービス)', async () => {
    const a = await run(fixture('jigyosho_130.csv'), 'jigyosho_130.csv');
    const b = await run(fixture('jigyosho_430.csv'), 'jigyosho_430.csv');
    expect([a.created, b.created]).toEqual([2, 1]);
    const offices = await handle.db
      .selectFrom('facilities')
      .select(['type', 'care_service_type'])
      .where('care_office_number', '=', '1360190013')
      .orderBy('care_service_type')
      .execute();
    expect(offices).toEqual([
      { type: 'visiting_nurse_station', care_service_type: '130' },
      { type: 'care_management_office', care_service_type: '430' },
    ]);
    const again = await run(fixture('jigyosho_130.csv'), 'jigyosho_130.csv');
    expect(again).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
  });

  it('matches rows without codes by the file’s ID and keeps medical and care IDs apart', async () => {
    const first = await run(fixture('care-recommended.csv'), 'care.csv');
    expect(first).toMatchObject({ created: 4, unchanged: 0, committed: true });
    const center = await handle.db
      .selectFrom('facilities')
      .select(['source_id', 'type'])
      .where('type', '=', 'community_support_center')
      .executeTakeFirstOrThrow();
    expect(center.source_id).toBe('care:3');
    const again = await run(fixture('care-recommended.csv'), 'care.csv');
    expect(again).toMatchObject({ unchanged: 4, created: 0, updated: 0 });
  });

  it('refuses rows for a municipality it does not have and cannot name, committing nothing', async () => {
    // Rows that carry only the prefecture's code (130001) go where --municipality says.
    const prefectureOnly = Buffer.from(
      fixture('medical-recommended.csv')
        .toString('utf8')
        .replace(/^131105,/gm, '130001,'),
    );
    const report = await run(prefectureOnly, 'old.csv', { municipalityOverride: '131091' });
    expect(report).toMatchObject({ committed: false, rejected: 3, municipalitiesAdded: [] });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'row.municipality_name_required'],
      [3, 'row.municipality_name_required'],
      [4, 'row.municipality_name_required'],
    ]);
    expect(await count('municipalities')).toBe(1);
  });

  it('puts every row where --municipality says', async () => {
    const report = await run(fixture('medical-recommended.csv'), 'old.csv', {
      municipalityOverride: '131105',
    });
    expect(report).toMatchObject({ committed: true, created: 3 });
    const clinic = await facility('1310000012');
    expect(clinic).toMatchObject({
      municipality_code: '131105',
      address_prefecture: '東京都',
      address_city: '目黒区',
      address_town: '碑文谷',
      address_block: '4-5-6',
      address_building: '碑文谷ビル1階',
    });
  });

  it('imports only its own rows of a national file, skipping (not checking) other municipalities', async () => {
    const lines = fixture('jigyosho_130.csv').toString('utf8').trimEnd().split('\r\n');
    const [header, first, ...rest] = lines as [string, string, ...string[]];
    const elsewhere = (code: string, office: string, extra = '') =>
      `${first.replace(/^131105,1,東京都,目黒区,/, `${code},9,東京都,よそ区,`).replace(/,13\d{8},/, `,${office},`)}${extra}`;
    const national = Buffer.from(
      `${[
        header,
        elsewhere(toSixDigitCode('13113'), '1360390001'),
        first,
        elsewhere(toSixDigitCode('13113'), '1360390002'),
        // A fault in another municipality's row (latitude 135) does not stop this one's import.
        elsewhere(toSixDigitCode('27100'), '2760390003').replace(/,35\.\d+,/, ',135,'),
        ...rest,
      ].join('\r\n')}\r\n`,
    );
    const report = await run(national, 'jigyosho_130.csv', { municipalityOverride: '131105', dryRun: true });
    expect(report).toMatchObject({
      rows: lines.length - 1 + 3,
      accepted: lines.length - 1,
      rejected: 0,
      skipped: 3,
      skippedMunicipalities: [
        { code: toSixDigitCode('13113'), rows: 2 },
        { code: toSixDigitCode('27100'), rows: 1 },
      ],
      errors: [],
    });
  });

  it('takes a check date in 和暦 from the file, never moving a newer confirmation back', async () => {
    const base = fixture('jigyosho_430.csv').toString('utf8').trimEnd().split('\r\n');
    const withDate = (date: string) =>
      Buffer.from(`${[`${base[0]},更新日`, `${base[1]},${date}`].join('\r\n')}\r\n`);
    const confirmed = async () =>
      (
        await handle.db
          .selectFrom('facilities')
          .select('last_confirmed_at')
          .where('care_office_number', '=', '1360190013')
          .where('care_service_type', '=', '430')
          .executeTakeFirstOrThrow()
      ).last_confirmed_at;
    await run(fixture('jigyosho_430.csv'), 'jigyosho_430.csv');
    const before = await confirmed();
    const older = await run(withDate('令和元年5月1日'), 'dated.csv');
    expect(older).toMatchObject({ unchanged: 1, updated: 0, committed: true });
    expect(await confirmed()).toEqual(before);
    const newer = await run(withDate('R9.4.1'), 'dated.csv');
    expect(newer).toMatchObject({ updated: 1, committed: true });
    expect((await confirmed())?.toISOString()).toBe('2027-03-31T15:00:00.000Z');
    const bad = await run(withDate('令和元年4月1日'), 'dated.csv');
    expect(bad.errors).toEqual([
      expect.objectContaining({ line: 2, column: '更新日', code: 'row.invalid_date' }),
    ]);
  });
});
