import type { Executor } from '../../platform/db/schema';
import './case-notice.table';
import './discharge-case.table';
import './provider-change.table';
import './referral.table';

/** The discharge tables that name a patient: a merge moves each of their rows to the record kept. */
const PATIENT_TABLES = ['discharge_cases', 'provider_changes', 'case_notices', 'referrals'] as const;

/** Moves every discharge row of `fromId` to `intoId`; returns how many rows each table moved. */
export async function moveDischargeRows(
  db: Executor,
  fromId: string,
  intoId: string,
): Promise<Record<(typeof PATIENT_TABLES)[number], number>> {
  const moved = {} as Record<(typeof PATIENT_TABLES)[number], number>;
  for (const table of PATIENT_TABLES) {
    const result = await db
      .updateTable(table)
      .set({ patient_id: intoId })
      .where('patient_id', '=', fromId)
      .executeTakeFirst();
    moved[table] = Number(result.numUpdatedRows);
  }
  return moved;
}
