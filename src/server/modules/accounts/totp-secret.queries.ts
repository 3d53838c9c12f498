import type { Executor } from '../../platform/db/schema';
import { SEALED_PREFIX } from './totp-secret-box';
import './session.table';
import './user.table';

/** How many users' TOTP secrets are sealed (stored under a key). */
export async function countSealedUserSecrets(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('totp_secret', 'like', `${SEALED_PREFIX}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Users' TOTP secrets (only those stored as they are, with `unsealedOnly`), locked for re-sealing. */
export async function lockUserSecrets(
  db: Executor,
  options: { unsealedOnly: boolean },
): Promise<{ id: string; secret: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'totp_secret as secret'])
    .where('totp_secret', 'is not', null)
    .$if(options.unsealedOnly, (q) => q.where('totp_secret', 'not like', `${SEALED_PREFIX}%`))
    .$narrowType<{ secret: string }>()
    .forUpdate()
    .execute();
}

export async function setUserSecret(db: Executor, userId: string, secret: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
}

/** Pending TOTP offers on sessions (only those stored as they are, with `unsealedOnly`), locked. */
export async function lockPendingOffers(
  db: Executor,
  options: { unsealedOnly: boolean },
): Promise<{ id: string; secret: string }[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'pending_totp_secret as secret'])
    .where('pending_totp_secret', 'is not', null)
    .$if(options.unsealedOnly, (q) => q.where('pending_totp_secret', 'not like', `${SEALED_PREFIX}%`))
    .$narrowType<{ secret: string }>()
    .forUpdate()
    .execute();
}

/** Replaces a session's pending offer; null drops it. */
export async function setPendingOffer(db: Executor, sessionId: string, secret: string | null): Promise<void> {
  await db.updateTable('sessions').set({ pending_totp_secret: secret }).where('id', '=', sessionId).execute();
}
