import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { onMailSent } from '../mail/outbox.service';
import { reportInboxProgress } from './inbox-progress';
import './inbox.table';

/**
 * The mail server accepted the mail of an inbox row: the row is delivered, and its record type
 * hears of it. Rows of other mails (a password reset) are not touched.
 */
export async function markMailDelivered(db: Kysely<Database>, mailId: string, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('inbox_notices')
      .set({ delivered_at: at })
      .where('mail_id', '=', mailId)
      .where('delivered_at', 'is', null)
      .returning(['record_type', 'record_id', 'user_id'])
      .execute();
    for (const row of rows) await reportInboxProgress(trx, row, 'delivered', at);
  });
}

onMailSent(markMailDelivered);
