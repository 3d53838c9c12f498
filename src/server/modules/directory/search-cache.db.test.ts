import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';

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
});
