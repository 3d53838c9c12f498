import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import {
  createMunicipality,
  createUser,
  MUNICIPALITIES,
  type TestUser,
} from '../../../../test/support/factories/accounts';
import { createTestFacility } from '../../../../test/support/factories/directory';
import { createPatientWithCircle } from '../../../../test/support/factories/discharge';
import type { DataListResponse, DataListRow } from '../../../contracts/council';

/** An instant given in Tokyo time, as the council counts its years. */
const jst = (local: string) => new Date(`${local}+09:00`);

/**
 * 令和6年度 (2024-04..2025-03) and 令和7年度 (2025-04..2026-03) are behind us whenever this runs, so
 * the test builds its facts there and reads 令和7年度 with 令和6年度 beside it.
 */
describe('the council’s data list (在宅療養に関するデータ一覧)', () => {
  const d = startDischargeSuite();
  let admin: TestUser;
  let sapporoAdmin: TestUser;
  const sapporo = MUNICIPALITIES.sapporo.code;

  const row = (list: DataListResponse, section: string, key: string): DataListRow => {
    const found = list.sections.find((s) => s.id === section)?.rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${section}/${key}`);
    return found;
  };

  /** A facility entered in the directory at `enteredAt`, through the app's own write path. */
  const facility = async (input: Parameters<typeof createTestFacility>[1], enteredAt: Date) => {
    const { id } = await createTestFacility(d.t.db, input);
    await d.t.db.updateTable('facilities').set({ created_at: enteredAt }).where('id', '=', id).execute();
    return id;
  };

  /** One applied change of the directory's history, at `at` (the facility row holds its after side). */
  const history = async (
    facilityId: string,
    at: Date,
    changes: Record<string, { before: unknown; after: unknown }>,
  ) =>
    d.t.db
      .insertInto('facility_history')
      .values({
        municipality_code: d.s.municipalityCode,
        facility_id: facilityId,
        version: 2,
        source: 'admin',
        changed_at: at,
        changed_by_user_id: null,
        changed_by_label: 'test',
        changes: JSON.stringify(changes),
      })
      .execute();

  const views = async (
    facilityId: string,
    day: string,
    count: number,
    municipalityCode = d.s.municipalityCode,
  ) =>
    d.t.db
      .insertInto('directory_daily_views')
      .values({ municipality_code: municipalityCode, day, facility_id: facilityId, views: count })
      .execute();

  const dischargedCase = async (dischargedAt: Date, municipalityCode = d.s.municipalityCode) =>
    d.t.db
      .insertInto('discharge_cases')
      .values({
        municipality_code: municipalityCode,
        patient_id: (await createPatientWithCircle(d.t.db, municipalityCode, [])).id,
        hospital_facility_id: municipalityCode === d.s.municipalityCode ? d.s.hospital.facilityId : null,
        hospital_organisation_id: null,
        hospital_name: '目黒病院',
        admitted_on: '2024-04-01',
        expected_discharge_on: null,
        status: 'closed',
        note: null,
        opened_by: randomUUID(),
        opened_by_organisation_id: null,
        discharged_at: dischargedAt,
      })
      .execute();

  let closedPharmacy: string;

  beforeAll(async () => {
    admin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: d.s.municipalityCode });
    await createMunicipality(d.t.db, MUNICIPALITIES.sapporo);
    sapporoAdmin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: sapporo });

    // Entered in 令和6年度, closed in 令和7年度: listed at the end of 令和6年度 only.
    closedPharmacy = await facility({ type: 'pharmacy' }, jst('2024-05-01T10:00:00'));
    await d.t.db
      .updateTable('facilities')
      .set({ status: 'closed' })
      .where('id', '=', closedPharmacy)
      .execute();
    await history(closedPharmacy, jst('2025-06-10T10:00:00'), {
      status: { before: 'active', after: 'closed' },
    });
    // Entered in 令和6年度; began sterile compounding in 令和7年度 (the history says when).
    const sterile = await facility(
      { type: 'pharmacy', capabilities: ['sterile_compounding'] },
      jst('2024-06-01T10:00:00'),
    );
    await history(sterile, jst('2025-08-01T10:00:00'), {
      capabilities: { before: [], after: ['sterile_compounding'] },
    });
    // Made home visits in 令和6年度 and stopped in 令和7年度 (today it lists none).
    const stopped = await facility({ type: 'clinic' }, jst('2024-07-01T10:00:00'));
    await history(stopped, jst('2025-09-01T10:00:00'), {
      capabilities: { before: ['home_visit'], after: [] },
    });
    // Entered on the last evening of 令和7年度 (Tokyo), and one a minute into 令和8年度.
    await facility({ type: 'pharmacy' }, jst('2026-03-31T23:59:00'));
    await facility({ type: 'pharmacy' }, jst('2026-04-01T00:01:00'));
    // A 24-hour clinic of 令和6年度, and another municipality's pharmacy.
    await facility(
      { type: 'clinic', capabilities: ['round_the_clock', 'house_call'] },
      jst('2024-04-01T09:00:00'),
    );
    const sapporoPharmacy = await facility(
      { type: 'pharmacy', municipalityCode: sapporo },
      jst('2024-04-01T09:00:00'),
    );

    // Page views: 令和6年度 1,000; 令和7年度 1,250 (its first and last Tokyo day count); 令和8年度 7.
    await views(closedPharmacy, '2024-04-01', 400);
    await views(closedPharmacy, '2025-03-31', 600);
    await views(closedPharmacy, '2025-04-01', 1000);
    await views(sterile, '2026-03-31', 250);
    await views(sterile, '2026-04-01', 7);
    await views(sapporoPharmacy, '2025-05-01', 99, sapporo);

    // Discharges: one in 令和6年度 (its last Tokyo evening), two in 令和7年度, one elsewhere.
    await dischargedCase(jst('2025-03-31T23:30:00'));
    await dischargedCase(jst('2025-06-15T10:00:00'));
    await dischargedCase(jst('2026-03-31T23:59:00'));
    await dischargedCase(jst('2025-06-15T10:00:00'), sapporo);
  });

  it('answers 令和7年度 beside 令和6年度, each figure with its period or as-of date', async () => {
    const res = await d.api.as(admin).get<DataListResponse>('/api/council/data-list?fiscalYear=7');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = res.body;
    expect(list.current).toEqual({
      fiscalYear: 7,
      label: '令和7年度',
      from: '2025-04-01',
      to: '2026-03-31',
      complete: true,
    });
    expect(list.previous).toMatchObject({
      fiscalYear: 6,
      label: '令和6年度',
      to: '2025-03-31',
      complete: true,
    });
    expect(list.sections.map((s) => s.id)).toEqual([
      'directory_resources',
      'directory_views',
      'discharge',
      'consultations',
    ]);

    const pharmacies = row(list, 'directory_resources', 'facilities_pharmacy');
    // End of 令和6年度: the closed one (still open then) and the sterile one. End of 令和7年度: the
    // sterile one and the one entered that evening.
    expect(pharmacies.previous).toMatchObject({ value: 2, when: { kind: 'as_of', date: '2025-03-31' } });
    expect(pharmacies.current).toMatchObject({ value: 2, when: { kind: 'as_of', date: '2026-03-31' } });
    expect(pharmacies.changePercent).toBe(0);
    const sterile = row(list, 'directory_resources', 'capability_sterile_compounding_pharmacy');
    expect([sterile.previous?.value, sterile.current?.value]).toEqual([0, 1]);
    const homeVisits = row(list, 'directory_resources', 'capability_home_visit_hospital_clinic');
    expect([homeVisits.previous?.value, homeVisits.current?.value]).toEqual([1, 0]);
    const roundTheClock = row(list, 'directory_resources', 'capability_round_the_clock_hospital_clinic');
    expect([roundTheClock.previous?.value, roundTheClock.current?.value]).toEqual([1, 1]);

    const pageViews = row(list, 'directory_views', 'facility_views');
    expect(pageViews.previous).toMatchObject({
      value: 1000,
      when: { kind: 'period', from: '2024-04-01', to: '2025-03-31' },
    });
    expect(pageViews.current).toMatchObject({
      value: 1250,
      when: { kind: 'period', from: '2025-04-01', to: '2026-03-31' },
    });
    expect(pageViews.changePercent).toBe(25);

    const discharges = row(list, 'discharge', 'discharges');
    expect([discharges.previous?.value, discharges.current?.value]).toEqual([1, 2]);
    expect(discharges.changePercent).toBe(100);
    expect(row(list, 'discharge', 'discharges_in_ward').current?.value).toBe(2);
    const told = row(list, 'discharge', 'told_before_discharge');
    expect(told).toMatchObject({ unit: 'percent', changePercent: null });
  });

  it('cuts the running year at today and gives it no change against a whole year', async () => {
    const res = await d.api.as(admin).get<DataListResponse>('/api/council/data-list');
    expect(res.status).toBe(200);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect(res.body.current).toMatchObject({ complete: false, to: today });
    const pharmacies = row(res.body, 'directory_resources', 'facilities_pharmacy');
    expect(pharmacies.current?.when).toEqual({ kind: 'as_of', date: today });
    expect(pharmacies.changePercent).toBeNull();
  });

  it('shows another ward only its own figures', async () => {
    const res = await d.api.as(sapporoAdmin).get<DataListResponse>('/api/council/data-list?fiscalYear=7');
    expect(res.status).toBe(200);
    expect(row(res.body, 'directory_resources', 'facilities_pharmacy').current?.value).toBe(1);
    expect(row(res.body, 'directory_views', 'facility_views').current?.value).toBe(99);
    expect(row(res.body, 'discharge', 'discharges').current?.value).toBe(1);
  });

  it('refuses a year that is no 令和N年度 (400) and one not begun yet', async () => {
    for (const bad of ['0', 'abc', '81', '7.5']) {
      const res = await d.api.as(admin).get(`/api/council/data-list?fiscalYear=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'request.invalid' } });
    }
    const future = await d.api.as(admin).get('/api/council/data-list?fiscalYear=80');
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ error: { code: 'council.fiscal_year_not_started' } });
  });

  it('shows the list to the ward only: 403 for hospital, 包括 and clinicians, 401 for the public', async () => {
    for (const user of [d.s.hospital.staff, d.s.center.user, d.s.familyDoctor.user]) {
      expect((await d.api.as(user).get('/api/council/data-list?fiscalYear=7')).status, user.role).toBe(403);
      expect((await d.api.as(user).get('/api/council/data-list/export.csv?fiscalYear=7')).status).toBe(403);
    }
    expect((await d.api.anonymous.get('/api/council/data-list')).status).toBe(401);
  });

  it('exports a CSV Excel opens (BOM, CRLF, both years with their dates and sources) and audits it', async () => {
    const res = await d.api.as(admin).get<string>('/api/council/data-list/export.csv?fiscalYear=7');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const text = String(res.body);
    expect(text.startsWith('\uFEFF区分,項目,単位,令和6年度,令和6年度の期間・時点,令和7年度,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(text).toContain('施設ページの閲覧数,件,1000,2024/4/1〜2025/3/31,1250,2025/4/1〜2026/3/31,25,');
    expect(text).toContain(',薬局,件,2,2025/3/31時点,2,2026/3/31時点,0,');
    const audit = await sql<{ actor_user_id: string; details: { fiscalYear: number } }>`
      select actor_user_id, details from audit_log where action = 'council.data_list.export'`.execute(d.t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actor_user_id: admin.id, details: { fiscalYear: 7 } });
  });
});
