import type { Selectable, Updateable } from 'kysely';
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
