import type {
  ChangeRequestDetail,
  ChangeRequestDto,
  ChangeRequestListResponse,
  ErrorReportBody,
  FacilityChangeRequestBody,
  FacilityChangeRequestsResponse,
  FacilityPatch,
  ReviewDecisionBody,
} from '../../../contracts/directory';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { assertCapabilitiesFitType } from './capability-fit';
import { presentChangeRequest } from './change-request.presenter';
import {
  type ChangeRequestFilter,
  findChangeRequest,
  findOpenFacility,
  insertChangeRequest,
  listChangeRequestRows,
} from './change-request.queries';
import { changeRequestWorkflow } from './change-request-status';
import { assertCanEditFacility } from './directory.policy';
import { findFacilityRecord } from './facility.queries';
import { toPatchView } from './facility-detail.presenter';
import { noticeDecision, noticeErrorReport } from './facility-notices';
import { diffChanges } from './facility-patch';
import { applyFacilityChanges, FACILITY_UNIQUE_CODES } from './facility-write.service';
import { listCapabilities } from './taxonomy.queries';

type Deps = Pick<ModuleDeps, 'db'>;

/**
 * A facility_editor proposes a change to its own facility; it waits for review. Throws
 * directory.facility_not_found, auth.forbidden, directory.version_conflict, directory.no_changes,
 * directory.unknown_capability, directory.capability_not_for_type.
 */
export async function submitChangeRequest(
  deps: Deps,
  ctx: RequestContext,
  facilityId: string,
  body: FacilityChangeRequestBody,
): Promise<ChangeRequestDto> {
  return runUseCase(deps, ctx, async ({ trx, actor, audit }) => {
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    if (record.version !== body.baseVersion) {
      throw new AppError('directory.version_conflict', { currentVersion: record.version });
    }
    if (diffChanges(toPatchView(record), body.changes).length === 0)
      throw new AppError('directory.no_changes');
    await assertKnownCapabilities(trx, actor.municipalityCode, body.changes);
    assertCapabilitiesFitType(record.type, toPatchView(record).capabilities, body.changes.capabilities);
    const id = await insertChangeRequest(trx, {
      municipality_code: actor.municipalityCode,
      facility_id: facilityId,
      source: 'editor',
      base_version: body.baseVersion,
      changes: JSON.stringify(body.changes),
      note: body.note ?? null,
      submitted_by_user_id: actor.userId,
      submitted_by_label: actor.email,
    });
    await audit({
      action: 'facility.change_request.submit',
      recordType: 'facility',
      recordId: facilityId,
      details: { changeRequestId: id, fields: Object.keys(body.changes) },
    });
    const created = await findChangeRequest(trx, actor.municipalityCode, id);
    return presentChangeRequest(created!);
  });
}

async function assertKnownCapabilities(
  executor: Parameters<typeof listCapabilities>[0],
  municipalityCode: string,
  changes: Partial<FacilityPatch>,
): Promise<void> {
  if (!changes.capabilities?.length) return;
  const known = new Set((await listCapabilities(executor, municipalityCode)).map((c) => c.code));
  const unknown = changes.capabilities.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new AppError('directory.unknown_capability', { unknown });
}

/**
 * A resident's error report joins the review queue, and the facility's editors are told (they can
 * correct it themselves). Throws directory.facility_not_found.
 */
export async function submitErrorReport(
  deps: Deps,
  ctx: RequestContext,
  facilityId: string,
  body: ErrorReportBody,
): Promise<{ id: string; status: 'pending' }> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx }) => {
      const facility = await findOpenFacility(trx, facilityId);
      if (!facility) throw new AppError('directory.facility_not_found');
      const id = await insertChangeRequest(trx, {
        municipality_code: facility.municipality_code,
        facility_id: facility.id,
        source: 'resident_report',
        report_category: body.category,
        report_message: body.message,
        changes: null,
      });
      await noticeErrorReport(
        trx,
        { id: facility.id, name: facility.name, municipalityCode: facility.municipality_code },
        body,
      );
      return { id, status: 'pending' as const };
    },
    { requireActor: false },
  );
}

/** The review queue of the actor's municipality. */
export async function listChangeRequests(
  deps: Deps,
  ctx: RequestContext,
  filter: ChangeRequestFilter,
): Promise<ChangeRequestListResponse> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const { total, rows } = await listChangeRequestRows(trx, actor.municipalityCode, filter);
    return { total, items: rows.map(presentChangeRequest) };
  });
}

/** One request with its field-by-field diff against the facility now. Throws not_found. */
export async function getChangeRequest(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<ChangeRequestDetail> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const row = await findChangeRequest(trx, actor.municipalityCode, id);
    if (!row) throw new AppError('not_found');
    const record = await findFacilityRecord(trx, row.facility_id);
    const diff =
      row.source === 'editor' && record
        ? diffChanges(toPatchView(record), row.changes as Partial<FacilityPatch>)
        : [];
    return { ...presentChangeRequest(row), diff };
  });
}

/** How many of a facility's own requests its page lists (pending ones and the latest decisions). */
const OWN_REQUESTS_SHOWN = 10;

/**
 * The facility's own change requests for its editor (or the ward admin), newest first; pending ones
 * carry their diff against the entry now. Residents' reports are left out: they reach the editors as
 * notices. Throws directory.facility_not_found, auth.forbidden.
 */
export async function listFacilityChangeRequests(
  deps: Deps,
  ctx: RequestContext,
  facilityId: string,
): Promise<FacilityChangeRequestsResponse> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    const { rows } = await listChangeRequestRows(trx, actor.municipalityCode, {
      facilityId,
      source: 'editor',
      limit: OWN_REQUESTS_SHOWN,
      offset: 0,
    });
    const current = toPatchView(record);
    return {
      items: rows.map((row) => ({
        ...presentChangeRequest(row),
        diff: row.status === 'pending' ? diffChanges(current, row.changes as Partial<FacilityPatch>) : [],
      })),
    };
  });
}

/**
 * ward_admin approves (the change is applied in the same transaction, checked against the
 * version the editor started from) or rejects with a reason; the facility's editors are told in
 * their inbox and by mail. Throws not_found, directory.request_not_pending,
 * directory.version_conflict and the codes of applyFacilityChanges.
 */
export async function decideChangeRequest(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  decision: ReviewDecisionBody,
): Promise<ChangeRequestDto> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      const request = await findChangeRequest(trx, actor.municipalityCode, id, true);
      if (!request) throw new AppError('not_found');
      const status = changeRequestWorkflow.next(request.status, decision.decision, 'ward');
      if (decision.decision === 'approve' && request.source === 'editor') {
        const record = await findFacilityRecord(trx, request.facility_id, { forUpdate: true });
        if (!record) throw new AppError('directory.facility_not_found');
        if (record.version !== request.base_version) {
          throw new AppError('directory.version_conflict', { currentVersion: record.version });
        }
        await applyFacilityChanges(trx, record, request.changes as Partial<FacilityPatch>, {
          source: 'editor',
          userId: request.submitted_by_user_id,
          label: request.submitted_by_label,
          changeRequestId: request.id,
        });
      }
      await trx
        .updateTable('facility_change_requests')
        .set({
          status,
          decided_by_user_id: actor.userId,
          decided_by_label: actor.email,
          decided_at: now,
          reason: decision.reason ?? null,
        })
        .where('id', '=', id)
        .execute();
      await audit({
        action:
          decision.decision === 'approve'
            ? 'facility.change_request.approve'
            : 'facility.change_request.reject',
        recordType: 'facility',
        recordId: request.facility_id,
        details: { changeRequestId: id, source: request.source },
      });
      // A resident's report has no editor waiting for an answer; the editors' own requests do.
      if (request.source === 'editor') {
        await noticeDecision(
          trx,
          { id: request.facility_id, name: request.facility_name, municipalityCode: actor.municipalityCode },
          { outcome: status === 'approved' ? 'approved' : 'rejected', reason: decision.reason ?? null },
        );
      }
      const updated = await findChangeRequest(trx, actor.municipalityCode, id);
      return presentChangeRequest(updated!);
    },
    { uniqueViolations: FACILITY_UNIQUE_CODES },
  );
}

/**
 * An editor of the facility withdraws its pending change request. Throws not_found (another
 * municipality's or a resident's report), auth.forbidden, directory.request_not_pending.
 */
export async function withdrawChangeRequest(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<ChangeRequestDto> {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const request = await findChangeRequest(trx, actor.municipalityCode, id, true);
    if (request?.source !== 'editor') throw new AppError('not_found');
    await assertCanEditFacility(trx, actor, request.facility_id);
    const status = changeRequestWorkflow.next(request.status, 'withdraw', 'editor');
    await trx
      .updateTable('facility_change_requests')
      .set({ status, decided_by_user_id: actor.userId, decided_by_label: actor.email, decided_at: now })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'facility.change_request.withdraw',
      recordType: 'facility',
      recordId: request.facility_id,
      details: { changeRequestId: id },
    });
    const updated = await findChangeRequest(trx, actor.municipalityCode, id);
    return presentChangeRequest(updated!);
  });
}
