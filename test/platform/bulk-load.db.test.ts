import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreAfterLoad, suspendForLoad } from '../../src/server/platform/db/bulk-load';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { openTestDatabase } from '../support/test-db';

// Indexes and constraints of the migrated schema, as PostgreSQL prints them.
const catalog = sql<{ d: string }>`
  select tablename || ' ' || indexdef as d from pg_indexes where schemaname = current_schema()
  union all
  select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
  where connamespace = current_schema()::regnamespace
  order by 1`;

describe('suspendForLoad drops what slows a load and restores it exactly', () => {
  let handle: DatabaseHandle;
  const tables = ['facilities', 'facility_capabilities', 'opendata_facility_sources'];

  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps primary keys and unique indexes when asked, drops secondary indexes and foreign keys', async () => {
    const before = (await catalog.execute(handle.db)).rows.map((r) => r.d);
    const restore = await handle.db.transaction().execute(async (trx) => {
      const statements = await suspendForLoad(trx, { tables, keepUniqueIndexes: true });
      const during = (await catalog.execute(trx)).rows.map((r) => r.d);
      // The search indexes and the foreign keys of the loaded tables are gone …
      expect(during.some((d) => d.includes('facilities_search_scoped'))).toBe(false);
      expect(during.some((d) => d.includes('INDEX facility_capabilities_code ON'))).toBe(false);
      expect(during.some((d) => d.includes('facility_capabilities_facility_id_fkey'))).toBe(false);
      expect(during.some((d) => d.includes('facilities_municipality_code_fkey'))).toBe(false);
      // … the keys a matching import looks up are not, nor anything of other tables.
      expect(during.some((d) => d.includes('facilities_pkey'))).toBe(true);
      expect(during.some((d) => d.includes('facilities_medical_code'))).toBe(true);
      expect(during.some((d) => d.includes('opendata_facility_sources_pkey'))).toBe(true);
      expect(during.some((d) => d.includes('facility_history_facility_id_fkey'))).toBe(true);
      expect(during.length).toBe(before.length - statements.length);
      await restoreAfterLoad(trx, statements);
      return statements;
    });
    expect(restore.length).toBeGreaterThan(5);
    expect((await catalog.execute(handle.db)).rows.map((r) => r.d)).toEqual(before);
  });

  it('drops primary keys and unique indexes too for a load of known-new rows, and a rollback undoes it', async () => {
    const before = (await catalog.execute(handle.db)).rows.map((r) => r.d);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await suspendForLoad(trx, { tables, dropPrimaryKeysOf: ['facility_capabilities'] });
        const during = (await catalog.execute(trx)).rows.map((r) => r.d);
        expect(during.some((d) => d.includes('facility_capabilities_pkey'))).toBe(false);
        expect(during.some((d) => d.includes('facilities_medical_code'))).toBe(false);
        expect(during.some((d) => d.includes('facilities_pkey'))).toBe(true);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await catalog.execute(handle.db)).rows.map((r) => r.d)).toEqual(before);
  });

  it('finds a row the dropped foreign key would have refused when it is restored', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        const statements = await suspendForLoad(trx, { tables: ['facility_capabilities'] });
        await sql`insert into facility_capabilities (facility_id, municipality_code, code)
          values (gen_random_uuid(), '131105', 'home_visit')`.execute(trx);
        await restoreAfterLoad(trx, statements);
      }),
    ).rejects.toThrow(/foreign key|facility_capabilities_facility_id_fkey/);
  });
});
