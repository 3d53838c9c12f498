import type { OwnAccessList } from '../../../contracts/accounts';
import type { PageQuery } from '../../../contracts/page';
import { listAccessLogRows } from '../../platform/access-log/access-log.queries';
import { recordListAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { decodeCursorOf, INTEGER_ID, toPage } from '../../platform/db/pagination';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';

/** The access log's record type for a person's account data (name, e-mail, memberships, sign-ins). */
export const USER_RECORD = 'user';

/**
 * Records that the caller read these people's account data (the ward admin's user list and detail),
 * one row per person, so each person's own listing and the ward's search find it.
 */
export async function recordUserReads(
  executor: Executor,
  ctx: RequestContext,
  userIds: string[],
): Promise<void> {
  await recordListAccess(executor, ctx, userIds, (id) => ({
    patientId: null,
    recordType: USER_RECORD,
    recordId: id,
  }));
}

/** Who read the signed-in person's account data, newest first (their right to know, MHLW 6.0). */
export async function listOwnAccesses(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  query: PageQuery,
): Promise<OwnAccessList> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const rows = await listAccessLogRows(
    deps.db,
    actor.municipalityCode,
    { recordType: USER_RECORD, recordId: actor.userId },
    { beforeId: decodeCursorOf(query.cursor, INTEGER_ID)?.id, limit: query.limit + 1 },
  );
  return toPage(
    rows,
    query,
    (row) => ({ sort: Number(row.id), id: Number(row.id) }),
    (row) => ({
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorLabel: row.actor_label,
      recordType: row.record_type,
      action: row.action,
    }),
  );
}
