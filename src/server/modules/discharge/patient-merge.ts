import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { AppError, isUniqueViolation } from '../../platform/errors';
import { moveDischargeRows } from './patient-merge.queries';

/**
 * Work that can be open only once per patient: one active case, one open change per role, one
 * open referral per recipient. When both records hold such work, merging them would make two;
 * which one should go on is a person's decision, so the merge is refused and nothing moves.
 */
const ONE_OPEN_PER_PATIENT = [
  'discharge_cases_one_active',
  'provider_changes_one_open',
  'referrals_one_open_per_recipient',
];

/** The patients module's merge hook: cases, changes, notices and referrals follow the kept record. */
export async function moveDischargeOnMerge(
  trx: Transaction<Database>,
  merge: { fromId: string; intoId: string },
): Promise<void> {
  try {
    await moveDischargeRows(trx, merge.fromId, merge.intoId);
  } catch (error) {
    if (ONE_OPEN_PER_PATIENT.some((constraint) => isUniqueViolation(error, constraint))) {
      throw new AppError('discharge.merge_open_work');
    }
    throw error;
  }
}
