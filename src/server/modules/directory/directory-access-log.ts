import { recordListAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';

/**
 * What of the directory holds people's data, as the access log names it: a change request (its
 * submitter's name and contact) and a facility's history (who edited it).
 */
export type DirectoryRecord = 'facility_change_request' | 'facility_history';

/** Records a read of people's data in the directory: who, what, when, from where (the request context). */
export async function recordDirectoryRead(
  executor: Executor,
  ctx: RequestContext,
  recordType: DirectoryRecord,
  recordIds: string[],
): Promise<void> {
  await recordListAccess(executor, ctx, recordIds, (recordId) => ({ patientId: null, recordType, recordId }));
}
