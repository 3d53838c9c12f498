import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { openTestDatabase } from '../../../../test/support/test-db';
import type { DatabaseHandle } from '../../platform/db/database';
import { migrateTo, migrateToLatest } from '../../platform/db/migrate';
import { findFacilityRecord } from './facility.queries';

// Hours and 第n closures live on the facility row as arrays (migration 20261124060000). The
// migration moves what the two tables held and gives it back on the way down, changing nothing
// a reader sees: not the hours, not the facility's version or updated_at.
describe('hours and closures stored on the facility row', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await createMeguro(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const hours = {
    weekly: [
      { day: 6, open: '09:00', close: '13:00' },
      { day: 1, open: '14:00', close: '18:00', note: '午後は往診のため予約制' },
      { day: 1, open: '09:00', close: '12:00' },
      { day: 5, open: '20:00', close: '02:00' },
    ],
    closures: [
      { weekday: 6, nth: [4, 2] },
      { weekday: 3, nth: [5] },
    ],
    closedOnHolidays: true,
    closedYearEnd: true,
    note: '第2・第4土曜休診',
  };

  it('keeps the shifts in (day, open) order with their notes, and the closures as weekday × 10 + n', async () => {
    const { id } = await createTestFacility(handle.db, { hours });
    const { rows } = await sql<Record<string, unknown>>`
      select hours_day, hours_open, hours_close, hours_shift_notes, nth_closures from facilities
      where id = ${id}`.execute(handle.db);
    expect(rows[0]).toEqual({
      hours_day: [1, 1, 5, 6],
      hours_open: [540, 840, 1200, 540],
      hours_close: [720, 1080, 1560, 780],
      hours_shift_notes: [null, '午後は往診のため予約制', null, null],
      nth_closures: [35, 62, 64],
    });
    const { id: plain } = await createTestFacility(handle.db, {
      hours: { ...hours, weekly: [{ day: 2, open: '09:00', close: '17:00' }], closures: [] },
    });
    const { rows: plainRows } = await sql<Record<string, unknown>>`
      select hours_shift_notes, nth_closures from facilities where id = ${plain}`.execute(handle.db);
    expect(plainRows[0]).toEqual({ hours_shift_notes: [], nth_closures: [] });
  });

  it('refuses shifts whose arrays do not line up or leave the day, and closures outside 第1–第5', async () => {
    const { id } = await createTestFacility(handle.db, {});
    const refused = [
      sql`update facilities set hours_day = '{1,2}', hours_open = '{540}', hours_close = '{600}' where id = ${id}`,
      sql`update facilities set hours_day = '{7}', hours_open = '{540}', hours_close = '{600}' where id = ${id}`,
      sql`update facilities set hours_day = '{1}', hours_open = '{1440}', hours_close = '{1500}' where id = ${id}`,
      sql`update facilities set hours_day = '{1}', hours_open = '{540}', hours_close = '{2880}' where id = ${id}`,
      sql`update facilities set hours_day = '{null}', hours_open = '{540}', hours_close = '{600}' where id = ${id}`,
      sql`update facilities set hours_day = '{1}', hours_open = '{540}', hours_close = '{600}',
        hours_shift_notes = '{a,b}' where id = ${id}`,
      sql`update facilities set nth_closures = '{66}' where id = ${id}`,
      sql`update facilities set nth_closures = '{0}' where id = ${id}`,
    ];
    for (const statement of refused) {
      await expect(statement.execute(handle.db)).rejects.toThrow(
        /facilities_hours_shape|facilities_nth_closures/,
      );
    }
  });

  it('moves the old tables onto the row and back without changing the facility', async () => {
    const { id } = await createTestFacility(handle.db, { hours });
    const before = await findFacilityRecord(handle.db, id);
    expect(before?.hours).toHaveLength(4);
    expect(before?.closures).toEqual([
      { weekday: 3, nth: 5 },
      { weekday: 6, nth: 2 },
      { weekday: 6, nth: 4 },
    ]);

    await migrateTo(handle.db as never, '20261124050000_search_index_upkeep');
    const { rows: shifts } = await sql<Record<string, unknown>>`
      select day, open_minute, close_minute, note from facility_hours where facility_id = ${id}
      order by day, open_minute`.execute(handle.db);
    expect(shifts).toEqual([
      { day: 1, open_minute: 540, close_minute: 720, note: null },
      { day: 1, open_minute: 840, close_minute: 1080, note: '午後は往診のため予約制' },
      { day: 5, open_minute: 1200, close_minute: 1560, note: null },
      { day: 6, open_minute: 540, close_minute: 780, note: null },
    ]);
    const { rows: closures } = await sql<Record<string, unknown>>`
      select weekday, nth from facility_closures where facility_id = ${id} order by weekday, nth`.execute(
      handle.db,
    );
    expect(closures).toEqual([
      { weekday: 3, nth: 5 },
      { weekday: 6, nth: 2 },
      { weekday: 6, nth: 4 },
    ]);
    // A facility added while the tables were in use (as a backup taken then would hold it).
    const { rows: added } = await sql<{ id: string }>`
      insert into facilities (municipality_code, type, name) values ('131105', 'pharmacy', '旧形式薬局')
      returning id`.execute(handle.db);
    const oldId = added[0]!.id;
    await sql`
      insert into facility_hours (facility_id, municipality_code, day, open_minute, close_minute)
      values (${oldId}, '131105', 2, 600, 1140), (${oldId}, '131105', 0, 540, 720)`.execute(handle.db);

    await migrateToLatest(handle.db as never);
    // Going down past 20261202040000 drops who confirmed the basic data, and coming back up can only
    // infer it (a file's data or else the facility's): that column is not this migration's to keep.
    const after = await findFacilityRecord(handle.db, id);
    expect({ ...after, last_confirmed_by: undefined }).toEqual({ ...before, last_confirmed_by: undefined });
    const old = await findFacilityRecord(handle.db, oldId);
    expect(old?.hours).toEqual([
      { day: 0, open_minute: 540, close_minute: 720, note: null },
      { day: 2, open_minute: 600, close_minute: 1140, note: null },
    ]);
    expect(old?.closures).toEqual([]);
    const { rows: tables } = await sql<{ n: number }>`
      select count(*)::int as n from pg_tables where tablename in ('facility_hours', 'facility_closures')`.execute(
      handle.db,
    );
    expect(tables[0]?.n).toBe(0);
  });
});
