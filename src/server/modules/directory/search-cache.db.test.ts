import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { cachedByGeneration, facilityRecords, searchAnswers } from './search-cache';

describe('search answers kept per directory generation', () => {
  let t: TestApp;
  let pharmacy: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    await createMeguro(t.db);
    pharmacy = await createTestFacility(t.db, { type: 'pharmacy', name: 'キャッシュ薬局' });
    await createTestFacility(t.db, { type: 'pharmacy', name: 'もうひとつの薬局' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const total = async (query: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/public/facilities?${query}` })).json().total as number;
  const generation = async () =>
    Number(
      (await sql<{ g: string }>`select last_value::text as g from directory_generation`.execute(t.db)).rows[0]
        ?.g,
    );

  it('sees a write made with plain SQL, outside the directory services, at once', async () => {
    expect(await total('type=pharmacy')).toBe(2);
    expect(await total('type=pharmacy')).toBe(2);
    await sql`update facilities set status = 'closed' where id = ${pharmacy.id}`.execute(t.db);
    expect(await total('type=pharmacy')).toBe(1);
    expect(await total('type=pharmacy&accepting=true')).toBe(0);
    await sql`insert into facility_capacity (facility_id, municipality_code, signal)
      select id, municipality_code, 'accepting' from facilities where status = 'active' and type = 'pharmacy'`.execute(
      t.db,
    );
    expect(await total('type=pharmacy&accepting=true')).toBe(1);
  });

  it('advances the generation once per writing statement, not once per row', async () => {
    const before = await generation();
    await sql`update facilities set hours_note = 'x'`.execute(t.db);
    expect(await generation()).toBe(before + 1);
    await sql`select count(*) from facilities`.execute(t.db);
    expect(await generation()).toBe(before + 1);
  });

  it('serves a facility page from the cache until the directory changes, even by plain SQL', async () => {
    const page = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/public/facilities/${pharmacy.id}` })).json();
    expect((await page()).name).toBe('キャッシュ薬局');
    await sql`update facilities set name = '名前を変えた薬局' where id = ${pharmacy.id}`.execute(t.db);
    expect((await page()).name).toBe('名前を変えた薬局');
    await sql`insert into facility_capabilities (facility_id, municipality_code, code)
      values (${pharmacy.id}, '131105', 'home_medication')`.execute(t.db);
    expect((await page()).capabilities.map((c: { code: string }) => c.code)).toEqual(['home_medication']);
  });

  it('keeps facility records apart from search answers, so reading many pages evicts no search', async () => {
    let searches = 0;
    const search = () => cachedByGeneration(t.db, 'q=歯科', async () => ++searches);
    await search();
    for (let i = 0; i <= facilityRecords.maxEntries; i++) {
      await cachedByGeneration(t.db, `page-${i}`, async () => i, { cache: facilityRecords });
    }
    await search();
    expect(searches).toBe(1);
    let pages = 0;
    const read = () => cachedByGeneration(t.db, 'one-page', async () => ++pages, { cache: facilityRecords });
    await read();
    await read();
    expect(pages).toBe(1);
    expect(searchAnswers.name).not.toBe(facilityRecords.name);
  });
});
