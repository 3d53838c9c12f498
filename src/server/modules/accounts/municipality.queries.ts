import { type Kysely, sql } from 'kysely';
import type { Executor } from '../../platform/db/schema';

// The municipalities table belongs to the platform and has no Kysely interface; plain SQL here.
export async function findMunicipalityName(db: Executor, code: string): Promise<string | undefined> {
  const { rows } = await sql<{ name: string }>`select name from municipalities where code = ${code}`.execute(
    db,
  );
  return rows[0]?.name;
}

export async function insertMunicipality(
  db: Executor,
  row: { code: string; name: string; nameKana?: string; nameEn?: string; prefecture: string },
): Promise<void> {
  await sql`insert into municipalities (code, name, name_kana, name_en, prefecture)
    values (${row.code}, ${row.name}, ${row.nameKana ?? null}, ${row.nameEn ?? null}, ${row.prefecture})
    on conflict (code) do nothing`.execute(db);
}
