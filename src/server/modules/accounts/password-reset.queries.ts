import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/schema';
import type { PasswordResetTable } from './password-reset.table';
import './password-reset.table';

/** Reset links made for the user since `since`, used or not (the per-account mail limit). */
export async function countResetsSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A new reset link (its token's hash); returns its id. */
export async function insertPasswordReset(
  db: Executor,
  values: Insertable<PasswordResetTable>,
): Promise<string> {
  const row = await db.insertInto('password_resets').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The unused, unexpired link with this token hash. */
export async function findUsableReset(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<Selectable<PasswordResetTable> | undefined> {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks every open link of the user used; returns the ids it marked (guarded by used_at: once only). */
export async function useOpenResets(db: Executor, userId: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
