import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import './password-reset.table';

/** Reset links made for the user since `since`, used or not (the per-account mail limit). */
export async function countResetsSince(db: Kysely<Database>, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
