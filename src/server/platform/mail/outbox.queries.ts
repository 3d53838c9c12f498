import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { MailOutboxTable } from './outbox.table';
import './outbox.table';

/**
 * Claims up to `limit` due mails until `lockedUntil`, oldest first. FOR UPDATE SKIP LOCKED: two
 * server instances never claim (and send) the same mail.
 */
export function claimDueMail(
  db: Kysely<Database>,
  input: { now: Date; lockedUntil: Date; limit: number },
): Promise<Array<Selectable<MailOutboxTable>>> {
  return db
    .updateTable('mail_outbox')
    .set({ locked_until: input.lockedUntil })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', input.now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', input.now)]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(input.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}
