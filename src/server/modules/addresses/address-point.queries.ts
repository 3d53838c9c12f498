import type { AddressPrecision } from '../../../contracts/addresses';
import type { Executor } from '../../platform/db/schema';
import type { AddressPointTable } from './address-point.table';
import './address-point.table';

export type AddressPointRow = Pick<
  AddressPointTable,
  'level' | 'town_name' | 'chome' | 'block' | 'residence' | 'lat' | 'lng'
>;

/** Removes a municipality's points (the import replaces them all); answers how many there were. */
export async function deleteAddressPoints(executor: Executor, municipalityCode: string): Promise<number> {
  const result = await executor
    .deleteFrom('address_points')
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Writes points (callers batch them: a ward has some 100,000 住居). */
export async function insertAddressPoints(executor: Executor, rows: AddressPointTable[]): Promise<void> {
  if (rows.length > 0) await executor.insertInto('address_points').values(rows).execute();
}

/** The towns the registry knows in a municipality, and whether each is divided into 丁目. */
export async function listAddressTowns(
  executor: Executor,
  municipalityCode: string,
): Promise<Array<{ town_name: string; has_chome: boolean }>> {
  const rows = await executor
    .selectFrom('address_points')
    .select((eb) => ['town_name', eb(eb.fn.count('chome'), '>', 0).as('has_chome')])
    .where('municipality_code', '=', municipalityCode)
    .groupBy('town_name')
    .orderBy('town_name')
    .execute();
  return rows.map((row) => ({ town_name: row.town_name, has_chome: Boolean(row.has_chome) }));
}

/**
 * The one point of a level for a town and its numbers (the first by key when the registry has
 * several, e.g. a 住居 with 枝番).
 */
export async function findAddressPoint(
  executor: Executor,
  municipalityCode: string,
  where: {
    townKey: string;
    level: AddressPrecision;
    chome: number | null;
    block?: string;
    residence?: string;
  },
): Promise<AddressPointRow | undefined> {
  let query = executor
    .selectFrom('address_points')
    .select(['level', 'town_name', 'chome', 'block', 'residence', 'lat', 'lng'])
    .where('municipality_code', '=', municipalityCode)
    .where('town_key', '=', where.townKey)
    .where('level', '=', where.level)
    .where('chome', where.chome === null ? 'is' : '=', where.chome);
  if (where.block !== undefined) query = query.where('block', '=', where.block);
  if (where.residence !== undefined) query = query.where('residence', '=', where.residence);
  return query.orderBy('rsdt2_id').orderBy('machiaza_id').limit(1).executeTakeFirst();
}
