import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../../../src/server/platform/audit/audit.service';
import { systemContext } from '../../../src/server/platform/context';
import type { Database } from '../../../src/server/platform/db/schema';
import { testAuditAction } from '../../support/audit-actions';

/** The contexts `zaitaku backup` and `zaitaku restore` run in: the audit log names the command. */
export const backupContext = () => systemContext('zaitaku backup', '131105');
export const restoreContext = () => systemContext('zaitaku restore', '131105');

/**
 * Tables that exercise what a backup must carry: an identity column, a stored generated column,
 * a self-reference whose child comes first in key order, a child table named before its parent,
 * and the awkward types (arrays, point, jsonb, bytea, numeric, float, date, timestamptz).
 */
export async function createAwkwardTables(db: Kysely<Database>): Promise<void> {
  await sql`
    create table bk_z_station (
      id bigint generated always as identity primary key,
      main_id bigint references bk_z_station (id),
      name text not null,
      name_length int generated always as (char_length(name)) stored,
      tags text[],
      location point,
      doc jsonb,
      photo bytea,
      price numeric(10, 2),
      ratio double precision,
      opened date,
      checked_at timestamptz,
      active boolean
    )`.execute(db);
  await sql`
    create table bk_a_visit (
      id serial primary key,
      station_id bigint not null references bk_z_station (id),
      note text
    )`.execute(db);
}

/** Fills the awkward tables and writes a few audit rows (a real hash chain). */
export async function fillAwkwardTables(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into municipalities (code, name, name_kana, name_en, prefecture)
    values ('131105', '目黒区', 'めぐろく', 'Meguro City', '東京都')`.execute(db);
  await sql`
    insert into bk_z_station (name, tags, location, doc, photo, price, ratio, opened, checked_at, active)
    values
      ('目黒　訪問看護ステーション 🏥', array['24時間', 'a"b', 'back\\slash', null], point(139.698, 35.641),
       '{"hours": {"mon": [9, 17]}, "note": "年末年始\\n休み", "n": null}', '\\x00ff10'::bytea, 1234.5,
       0.1 + 0.2, '2025-04-01', '2025-04-01 09:30:00.123456+09', true),
      ('サテライト「中目黒」', '{}', null, '[]', null, null, -0.0, null, null, null),
      ('O''Brien clinic', null, null, null, '', 0, 1e300, '1989-01-08', '1970-01-01 00:00:00+00', false)`.execute(
    db,
  );
  // The first station becomes a satellite of the second: the child precedes its parent in key order.
  await sql`update bk_z_station set main_id = (select max(id) - 1 from bk_z_station) where id = (select min(id) from bk_z_station)`.execute(
    db,
  );
  // Enough rows to span several insert batches, half of them naming a station loaded later.
  await sql`insert into bk_z_station (name) select 'station ' || g from generate_series(1, 1200) g`.execute(
    db,
  );
  await sql`update bk_z_station set main_id = id + 600 where id between 4 and 603`.execute(db);
  await sql`
    insert into bk_a_visit (station_id, note)
    select id, '訪問 ' || id from bk_z_station`.execute(db);
  const ctx = { requestId: 'req-backup', clientIp: '127.0.0.1', municipalityCode: '131105' };
  for (let i = 0; i < 4; i++) {
    await writeAudit(db, ctx, {
      action: testAuditAction('test.event'),
      recordType: 'station',
      recordId: String(i),
      details: { i, label: `記録 ${i}`, nested: { z: 1, a: [true, null] } },
    });
  }
}

/** Every row of a table as jsonb text, ordered: an independent view to compare two databases by. */
export async function tableContents(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`
    select to_jsonb(t)::text as row from ${sql.table(`public.${table}`)} t order by 1`.execute(db);
  return rows.map((r) => r.row);
}

/** Names of the ordinary tables in `public`, without Kysely's bookkeeping. */
export async function publicTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename::text as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_migration%' order by 1`.execute(db);
  return rows.map((r) => r.name);
}
