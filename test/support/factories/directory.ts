import { type Kysely, sql } from 'kysely';
import type { CapacitySignal, FacilityPatch, FacilityType } from '../../../src/contracts/directory';
import { installGeography, loadMeguroGeography } from '../../../src/server/demo/directory/meguro-geography';
import { createFacility } from '../../../src/server/modules/directory/facility-write.service';
import { refreshFacilitySearch } from '../../../src/server/modules/directory/search-refresh.service';
import type { Database } from '../../../src/server/platform/db/schema';
import { createMunicipality, MUNICIPALITIES } from './accounts';

type Db = Kysely<Database>;

/** 目黒区 with its five districts and real 町丁 (approximate centres), as the demo has them. */
export async function createMeguro(db: Db): Promise<string> {
  const code = await createMunicipality(db, MUNICIPALITIES.meguro);
  await installGeography(db, loadMeguroGeography(), code);
  return code;
}

export type FacilityInput = Partial<FacilityPatch> & {
  type?: FacilityType;
  municipalityCode?: string;
  /** Capability code → confirmed date (default now). */
  confirmedAt?: Record<string, Date>;
  capacity?: { signal: CapacitySignal; setAt?: Date };
};

let counter = 0;

/** One facility through the same write path as the app (history, search columns). */
export async function createTestFacility(
  db: Db,
  input: FacilityInput = {},
): Promise<{ id: string; version: number }> {
  counter++;
  const { type = 'clinic', municipalityCode = '131105', confirmedAt, capacity, ...patch } = input;
  const id = await db.transaction().execute((trx) =>
    createFacility(
      trx,
      municipalityCode,
      {
        name: `テスト施設${counter}`,
        addressBlock: {
          prefecture: '東京都',
          city: '目黒区',
          town: '上目黒一丁目',
          block: `${counter}-1`,
          building: null,
        },
        location: { lat: 35.643, lng: 139.697 },
        ...patch,
        type,
      },
      { source: 'create', userId: null, label: 'test' },
    ),
  );
  for (const [code, at] of Object.entries(confirmedAt ?? {})) {
    await db
      .updateTable('facility_capabilities')
      .set({ confirmed_at: at })
      .where('facility_id', '=', id)
      .where('code', '=', code)
      .execute();
  }
  if (capacity) {
    await db
      .insertInto('facility_capacity')
      .values({
        facility_id: id,
        municipality_code: municipalityCode,
        signal: capacity.signal,
        set_at: capacity.setAt ?? new Date(),
        set_by_user_id: null,
      })
      .execute();
  }
  await refreshFacilitySearch(db, [id]);
  const row = await db
    .selectFrom('facilities')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, version: row.version };
}

/** Weekday hours 09:00–18:00 Monday–Friday and 09:00–13:00 Saturday, closed on holidays. */
export const officeHours: FacilityPatch['hours'] = {
  weekly: [1, 2, 3, 4, 5]
    .map((day) => ({ day, open: '09:00', close: '18:00' }))
    .concat([{ day: 6, open: '09:00', close: '13:00' }]),
  closures: [],
  closedOnHolidays: true,
  closedYearEnd: true,
  note: null,
};

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? 0;
}
