import type { Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Waits for the transaction-scoped advisory lock `key` and holds it until the transaction ends:
 * work under the same key runs one transaction at a time (the audit chain, the import).
 */
export async function lockForTransaction(trx: Transaction<Database>, key: number): Promise<void> {
  await trx.selectNoFrom((eb) => eb.fn('pg_advisory_xact_lock', [eb.val(key)]).as('locked')).execute();
}
