import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/schema';
import { clock } from '../../platform/time/clock';
import type { UserTable } from './user.table';
import './user.table';

export type UserRow = Selectable<UserTable>;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn<string>('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** One user; `lock` takes a row lock for a read-modify-write inside a transaction. */
export async function findUserById(
  db: Executor,
  id: string,
  options: { lock?: boolean; municipalityCode?: string } = {},
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .$if(options.municipalityCode !== undefined, (q) =>
      q.where('municipality_code', '=', options.municipalityCode as string),
    )
    .$if(Boolean(options.lock), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function updateUser(db: Executor, id: string, values: Updateable<UserTable>): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...values, updated_at: clock.now() })
    .where('id', '=', id)
    .execute();
}

/** A new user, without two-factor yet; returns its id. */
export async function insertUser(
  db: Executor,
  values: Omit<Insertable<UserTable>, 'totp_secret' | 'totp_enrolled_at' | 'totp_last_step' | 'locked_until'>,
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      ...values,
      totp_secret: null,
      totp_enrolled_at: null,
      totp_last_step: null,
      locked_until: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
