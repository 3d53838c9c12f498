import type { Executor } from '../../platform/db/schema';
import './known-device.table';

/** Enough for a person's phone, office PC, home PC and a few more; older ones are forgotten. */
export const KNOWN_DEVICES_PER_USER = 20;

export async function isKnownDevice(db: Executor, userId: string, deviceHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('id')
    .where('user_id', '=', userId)
    .where('device_hash', '=', deviceHash)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records (or refreshes) a device after a completed sign-in, keeping the newest few per user. */
export async function rememberDevice(
  db: Executor,
  userId: string,
  deviceHash: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('known_devices')
    .values({ user_id: userId, device_hash: deviceHash, first_seen_at: now, last_seen_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'device_hash']).doUpdateSet({ last_seen_at: now }))
    .execute();
  const keep = db
    .selectFrom('known_devices')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(KNOWN_DEVICES_PER_USER);
  await db.deleteFrom('known_devices').where('user_id', '=', userId).where('id', 'not in', keep).execute();
}
