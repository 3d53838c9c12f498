import type { Executor } from './db/schema';
import './municipality.table';

/** What the exports and the credit lines need of a municipality. */
export type MunicipalityInfo = { code: string; name: string; prefecture: string };

export async function findMunicipality(db: Executor, code: string): Promise<MunicipalityInfo | undefined> {
  return db
    .selectFrom('municipalities')
    .select(['code', 'name', 'prefecture'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findMunicipalityName(db: Executor, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('municipalities')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.name;
}

/** Adds a municipality unless it is there already (then its names stay as they were). */
export async function insertMunicipality(
  db: Executor,
  row: { code: string; name: string; nameKana?: string; nameEn?: string; prefecture: string },
): Promise<void> {
  await db
    .insertInto('municipalities')
    .values({
      code: row.code,
      name: row.name,
      name_kana: row.nameKana ?? null,
      name_en: row.nameEn ?? null,
      prefecture: row.prefecture,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Every municipality of the installation, by code (the daily jobs that run per tenant). */
export async function listMunicipalities(db: Executor): Promise<MunicipalityInfo[]> {
  return db.selectFrom('municipalities').select(['code', 'name', 'prefecture']).orderBy('code').execute();
}
