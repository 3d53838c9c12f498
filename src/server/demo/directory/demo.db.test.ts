import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { bulkInsertFacilities } from './bulk-insert';
import { seedDirectoryDemo } from './demo-seed';
import {
  installSyntheticMunicipalities,
  iterateNationalFacilities,
  syntheticGeographies,
} from './national-generator';

const count = async (t: TestApp, query: ReturnType<typeof sql<{ n: number }>>) =>
  (await query.execute(t.db)).rows[0]?.n ?? 0;

describe('demo seed and bulk load', () => {
  let t: TestApp;
  const log: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await createMunicipality(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds Meguro in under 10 seconds and is idempotent', async () => {
    const started = Date.now();
    await seedDirectoryDemo(t.deps, '131105', (line) => log.push(line));
    expect(Date.now() - started).toBeLessThan(10_000);
    await seedDirectoryDemo(t.deps, '131105', (line) => log.push(line));
    expect(await count(t, sql`select count(*)::int as n from facilities where is_demo`)).toBe(720);
    expect(await count(t, sql`select count(*)::int as n from directory_districts`)).toBe(5);
    expect(await count(t, sql`select count(*)::int as n from directory_towns`)).toBe(27);
    expect(log[1]).toMatch(/already|作成済み/);
  });

  it('makes the demo searchable: 歯科 finds the 180 dental clinics, 訪問歯科 those that visit', async () => {
    const search = async (q: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/public/facilities?q=${encodeURIComponent(q)}` })
      ).json();
    expect((await search('歯科')).total).toBe(180);
    const visiting = await search('訪問歯科');
    expect(visiting.total).toBeGreaterThan(30);
    expect(visiting.total).toBe(visiting.facets.capability.dental_home_visit);
    const south = (
      await t.app.inject({
        method: 'GET',
        url: '/api/public/facilities?capability=dental_home_visit&district=south',
      })
    ).json();
    expect(south.total).toBeGreaterThan(0);
  });

  it('fills the statistics with the council figures for FY2023 and FY2024', async () => {
    const fy = async (from: string, to: string) =>
      count(
        t,
        sql`select coalesce(sum(views), 0)::int as n from directory_daily_views
        where day between ${from}::date and ${to}::date`,
      );
    expect(await fy('2023-04-01', '2024-03-31')).toBe(6675);
    expect(await fy('2024-04-01', '2025-03-31')).toBe(11_495);
  });

  it('leaves items in the review queue', async () => {
    expect(
      await count(t, sql`select count(*)::int as n from facility_change_requests where status = 'pending'`),
    ).toBe(3);
  });

  it('bulk-loads other municipalities and restores exactly the indexes and keys it dropped', async () => {
    const indexes = sql<{ d: string }>`
      select indexdef as d from pg_indexes where tablename like 'facilit%'
      union all
      select conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) from pg_constraint
      where conrelid::regclass::text like 'facilit%'
      order by 1`;
    const before = (await indexes.execute(t.db)).rows.map((r) => r.d);
    expect(before.length).toBeGreaterThan(20);
    const geos = syntheticGeographies(3);
    await installSyntheticMunicipalities(t.db, geos);
    const inserted = await bulkInsertFacilities(t.db, iterateNationalFacilities(600, 3, geos), {
      rebuildIndexes: true,
      batchSize: 250,
    });
    expect(inserted).toBe(600);
    expect((await indexes.execute(t.db)).rows.map((r) => r.d)).toEqual(before);
    const code = geos[1]?.municipalityCode as string;
    const result = (
      await t.app.inject({
        method: 'GET',
        url: `/api/public/facilities?municipality=${code}&q=${encodeURIComponent('眼科')}`,
      })
    ).json();
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.every((i: { address: string }) => i.address.startsWith('架空県'))).toBe(true);
  });
});
