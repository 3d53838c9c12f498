import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import './inbox.table';

/** How far a published notice got with one of its recipients. */
export type InboxProgress = 'sent' | 'delivered' | 'read' | 'acknowledged';

export type InboxProgressEvent = {
  recordId: string;
  progress: InboxProgress;
  at: Date;
  /** The recipient whose row moved (sent: the first one written). */
  userId: string;
};

/**
 * What a module does when the inbox moves a notice of its record type on. It runs in the inbox's
 * transaction, so the module's own record and the inbox row commit together; it may throw an
 * AppError to refuse (a notice that needs an answer the inbox cannot give).
 */
export type InboxProgressHook = (trx: Transaction<Database>, event: InboxProgressEvent) => Promise<void>;

const hooks = new Map<string, InboxProgressHook>();

/**
 * The one way the platform reports back to a module without importing it: the module registers
 * a hook for its `recordType` (in its ServerModule's register). Registering again replaces it.
 */
export function onInboxProgress(recordType: string, hook: InboxProgressHook): void {
  hooks.set(recordType, hook);
}

/** Tells the record type's hook, if any (the inbox's own code calls this). */
export async function reportInboxProgress(
  trx: Transaction<Database>,
  row: { record_type: string | null; record_id: string | null; user_id: string },
  progress: InboxProgress,
  at: Date,
): Promise<void> {
  if (!row.record_type || !row.record_id) return;
  const hook = hooks.get(row.record_type);
  if (hook) await hook(trx, { recordId: row.record_id, progress, at, userId: row.user_id });
}

/**
 * The module answered for the record by its own route (an incumbent's agree/object): every inbox
 * row of the record is acknowledged and read, for each colleague who got it too. No hook is called
 * (the module is the caller). Rows that do not ask for acknowledgment are only marked read.
 */
export async function settleInboxRecord(
  trx: Transaction<Database>,
  recordType: string,
  recordId: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('inbox_notices')
    .set((eb) => ({
      read_at: eb.fn.coalesce('read_at', eb.val(at)),
      acknowledged_at: eb
        .case()
        .when('requires_ack', '=', true)
        .then(eb.fn.coalesce('acknowledged_at', eb.val(at)))
        .else(null)
        .end(),
    }))
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();
}
