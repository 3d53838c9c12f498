import type {
  CapacityDto,
  CapacitySignal,
  ConfirmResponse,
  FacilityCreateBody,
  FacilityDetail,
  FacilityHistoryEntry,
  FacilityUpdateBody,
} from '../../../contracts/directory';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { assertCapabilitiesFitType } from './capability-fit';
import { assertCanEditFacility, editableFacilityIds } from './directory.policy';
import { toIso } from './facility.presenter';
import { findFacilityRecord } from './facility.queries';
import {
  countPendingRequests,
  insertHistory,
  listHistoryRows,
  upsertCapacity,
} from './facility-admin.queries';
import { presentFacilityDetail, toPatchView } from './facility-detail.presenter';
import { applyFacilityChanges, createFacility, FACILITY_UNIQUE_CODES } from './facility-write.service';
import { markFacilityConfirmed } from './reminder.service';
import { staleBefore } from './search.service';

type Deps = Pick<ModuleDeps, 'db'>;

/** How many of a facility's history rows its page shows, newest first. */
const HISTORY_SHOWN = 500;

/**
 * ward_admin changes a facility directly (recorded in its history). Throws
 * directory.facility_not_found, directory.version_conflict, directory.capability_not_for_type and
 * the codes of applyFacilityChanges.
 */
export async function updateFacility(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: FacilityUpdateBody,
): Promise<FacilityDetail> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      const record = await findFacilityRecord(trx, id, {
        municipalityCode: actor.municipalityCode,
        forUpdate: true,
      });
      if (!record) throw new AppError('directory.facility_not_found');
      if (record.version !== body.version) {
        throw new AppError('directory.version_conflict', { currentVersion: record.version });
      }
      assertCapabilitiesFitType(record.type, toPatchView(record).capabilities, body.changes.capabilities);
      const { diff } = await applyFacilityChanges(trx, record, body.changes, {
        source: 'admin',
        userId: actor.userId,
        label: actor.email,
        now,
      });
      await audit({
        action: 'facility.update',
        recordType: 'facility',
        recordId: id,
        details: { fields: diff.map((d) => d.field) },
      });
      const updated = await findFacilityRecord(trx, id);
      return presentFacilityDetail(updated!, staleBefore(now));
    },
    { uniqueViolations: FACILITY_UNIQUE_CODES },
  );
}

/** ward_admin adds a facility. Throws the codes of createFacility. */
export async function addFacility(
  deps: Deps,
  ctx: RequestContext,
  body: FacilityCreateBody,
): Promise<FacilityDetail> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      const id = await createFacility(trx, actor.municipalityCode, body, {
        source: 'create',
        userId: actor.userId,
        label: actor.email,
        now,
      });
      await audit({ action: 'facility.create', recordType: 'facility', recordId: id });
      const created = await findFacilityRecord(trx, id);
      return presentFacilityDetail(created!, staleBefore(now));
    },
    { uniqueViolations: FACILITY_UNIQUE_CODES },
  );
}

/**
 * The facility sets its capacity signal in one request, without review; the time is kept.
 * Throws directory.facility_not_found, auth.forbidden.
 */
export async function setCapacity(
  deps: Deps,
  ctx: RequestContext,
  facilityId: string,
  signal: CapacitySignal,
): Promise<CapacityDto> {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    await upsertCapacity(trx, {
      facility_id: facilityId,
      municipality_code: record.municipality_code,
      signal,
      set_at: now,
      set_by_user_id: actor.userId,
    });
    await insertHistory(trx, {
      municipality_code: record.municipality_code,
      facility_id: facilityId,
      version: record.version,
      source: 'capacity',
      changed_by_user_id: actor.userId,
      changed_by_label: actor.email,
      changes: JSON.stringify({ capacity: { before: record.capacity_signal, after: signal } }),
    });
    await audit({
      action: 'facility.capacity.set',
      recordType: 'facility',
      recordId: facilityId,
      details: { signal },
    });
    return { signal, setAt: now.toISOString() };
  });
}

/** Every recorded change of a facility, newest first. Throws directory.facility_not_found, auth.forbidden. */
export async function listFacilityHistory(
  deps: Deps,
  ctx: RequestContext,
  facilityId: string,
): Promise<{ items: FacilityHistoryEntry[] }> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    const rows = await listHistoryRows(trx, facilityId, HISTORY_SHOWN);
    return {
      items: rows.map((r) => ({
        id: r.id,
        version: r.version,
        source: r.source,
        changedAt: toIso(r.changed_at),
        changedBy: r.changed_by_label,
        changeRequestId: r.change_request_id,
        changes: r.changes as FacilityHistoryEntry['changes'],
      })),
    };
  });
}

/** The facilities the signed-in facility_editor may edit, with their pending request counts. */
export async function listMyFacilities(deps: Deps, ctx: RequestContext) {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const ids = await editableFacilityIds(trx, actor);
    const items = [];
    for (const id of ids) {
      const record = await findFacilityRecord(trx, id, { municipalityCode: actor.municipalityCode });
      if (!record) continue;
      items.push({
        ...presentFacilityDetail(record, staleBefore(now)),
        pendingRequests: await countPendingRequests(trx, id),
      });
    }
    return { items };
  });
}

/**
 * The editor's (or ward_admin's) "内容に変更なし": every capability and the facility itself are
 * confirmed as of now, the same as the reminder mail's one-click link. Throws
 * directory.facility_not_found (other municipality too) and auth.forbidden (not its facility).
 */
export async function confirmFacility(
  deps: Deps,
  ctx: RequestContext,
  facilityId: string,
): Promise<ConfirmResponse> {
  return runUseCase(deps, ctx, async (uc) => {
    const { trx, actor, now } = uc;
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    // The facility's own editor confirms for the facility; a ward_admin who is not one, for the ward.
    const ownFacility = (await editableFacilityIds(trx, actor)).includes(facilityId);
    const capabilities = await markFacilityConfirmed(uc, {
      facilityId,
      municipalityCode: record.municipality_code,
      version: record.version,
      by: { userId: actor.userId, label: actor.email, source: ownFacility ? 'facility' : 'ward' },
    });
    return { facilityId, name: record.name, confirmedAt: now.toISOString(), capabilities };
  });
}
