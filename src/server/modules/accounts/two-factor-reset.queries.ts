import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/schema';
import type { TwoFactorResetRequestTable } from './two-factor-reset.table';
import './two-factor-reset.table';

export type TwoFactorResetRequestRow = Selectable<TwoFactorResetRequestTable>;

/** The person's open request (lapsed or not), locked for the caller's transaction. */
export async function findOpenResetRequest(
  db: Executor,
  userId: string,
): Promise<TwoFactorResetRequestRow | undefined> {
  return db
    .selectFrom('two_factor_reset_requests')
    .selectAll()
    .where('user_id', '=', userId)
    .where('closed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertResetRequest(
  db: Executor,
  values: {
    municipalityCode: string;
    userId: string;
    requestedBy: string;
    requestedByLabel: string;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('two_factor_reset_requests')
    .values({
      municipality_code: values.municipalityCode,
      user_id: values.userId,
      requested_by: values.requestedBy,
      requested_by_label: values.requestedByLabel,
      expires_at: values.expiresAt,
      approved_by: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeResetRequest(
  db: Executor,
  id: string,
  values: { approvedBy: string | null; closedAt: Date },
): Promise<void> {
  await db
    .updateTable('two_factor_reset_requests')
    .set({ approved_by: values.approvedBy, closed_at: values.closedAt })
    .where('id', '=', id)
    .execute();
}
