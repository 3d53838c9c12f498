import type { Kysely } from 'kysely';
import type {
  CapacityDto,
  CapacitySignal,
  ConfirmResponse,
  FacilityCreateBody,
  FacilityDetail,
  FacilityHistoryEntry,
  FacilityUpdateBody,
} from '../../../contracts/directory';
import { writeAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { assertCapabilitiesFitType } from './capability-fit';
import { assertCanEditFacility, editableFacilityIds, requireActor } from './directory.policy';
import { toIso } from './facility.presenter';
import { findFacilityRecord } from './facility.queries';
import { presentFacilityDetail, toPatchView } from './facility-detail.presenter';
import { applyFacilityChanges, createFacility } from './facility-write.service';
import { markFacilityConfirmed } from './reminder.service';
import { staleBefore } from './search.service';

/**
 * ward_admin changes a facility directly (recorded in its history). Throws
 * directory.facility_not_found, directory.version_conflict, directory.capability_not_for_type and
 * the codes of applyFacilityChanges.
 */
export async function updateFacility(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  body: FacilityUpdateBody,
): Promise<FacilityDetail> {
  const actor = requireActor(ctx.actor);
  return db.transaction().execute(async (trx) => {
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
    });
    await writeAudit(trx, ctx, {
      action: 'facility.update',
      recordType: 'facility',
      recordId: id,
      details: { fields: diff.map((d) => d.field) },
    });
    const updated = await findFacilityRecord(trx, id);
    return presentFacilityDetail(updated!, staleBefore(new Date()));
  });
}

/** ward_admin adds a facility. Throws the codes of createFacility. */
export async function addFacility(
  db: Kysely<Database>,
  ctx: RequestContext,
  body: FacilityCreateBody,
): Promise<FacilityDetail> {
  const actor = requireActor(ctx.actor);
  return db.transaction().execute(async (trx) => {
    const id = await createFacility(trx, actor.municipalityCode, body, {
      source: 'create',
      userId: actor.userId,
      label: actor.email,
    });
    await writeAudit(trx, ctx, { action: 'facility.create', recordType: 'facility', recordId: id });
    const created = await findFacilityRecord(trx, id);
    return presentFacilityDetail(created!, staleBefore(new Date()));
  });
}

/**
 * The facility sets its capacity signal in one request, without review; the time is kept.
 * Throws directory.facility_not_found, auth.forbidden.
 */
export async function setCapacity(
  db: Kysely<Database>,
  ctx: RequestContext,
  facilityId: string,
  signal: CapacitySignal,
): Promise<CapacityDto> {
  const actor = requireActor(ctx.actor);
  return db.transaction().execute(async (trx) => {
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    const now = new Date();
    await trx
      .insertInto('facility_capacity')
      .values({
        facility_id: facilityId,
        municipality_code: record.municipality_code,
        signal,
        set_at: now,
        set_by_user_id: actor.userId,
      })
      .onConflict((oc) =>
        oc.column('facility_id').doUpdateSet({ signal, set_at: now, set_by_user_id: actor.userId }),
      )
      .execute();
    await trx
      .insertInto('facility_history')
      .values({
        municipality_code: record.municipality_code,
        facility_id: facilityId,
        version: record.version,
        source: 'capacity',
        changed_by_user_id: actor.userId,
        changed_by_label: actor.email,
        changes: JSON.stringify({ capacity: { before: record.capacity_signal, after: signal } }),
      })
      .execute();
    await writeAudit(trx, ctx, {
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
  db: Kysely<Database>,
  ctx: RequestContext,
  facilityId: string,
): Promise<{ items: FacilityHistoryEntry[] }> {
  const actor = requireActor(ctx.actor);
  const record = await findFacilityRecord(db, facilityId, { municipalityCode: actor.municipalityCode });
  if (!record) throw new AppError('directory.facility_not_found');
  await assertCanEditFacility(db, actor, facilityId);
  const rows = await db
    .selectFrom('facility_history')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
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
}

/** The facilities the signed-in facility_editor may edit, with their pending request counts. */
export async function listMyFacilities(db: Kysely<Database>, ctx: RequestContext) {
  const actor = requireActor(ctx.actor);
  const ids = await editableFacilityIds(db, actor);
  const items = [];
  for (const id of ids) {
    const record = await findFacilityRecord(db, id, { municipalityCode: actor.municipalityCode });
    if (!record) continue;
    const pending = await db
      .selectFrom('facility_change_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('facility_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    items.push({
      ...presentFacilityDetail(record, staleBefore(new Date())),
      pendingRequests: Number(pending?.n ?? 0),
    });
  }
  return { items };
}

/**
 * The editor's (or ward_admin's) "内容に変更なし": every capability and the facility itself are
 * confirmed as of now, the same as the reminder mail's one-click link. Throws
 * directory.facility_not_found (other municipality too) and auth.forbidden (not its facility).
 */
export async function confirmFacility(
  db: Kysely<Database>,
  ctx: RequestContext,
  facilityId: string,
): Promise<ConfirmResponse> {
  const actor = requireActor(ctx.actor);
  return db.transaction().execute(async (trx) => {
    const record = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
    if (!record) throw new AppError('directory.facility_not_found');
    await assertCanEditFacility(trx, actor, facilityId);
    const now = new Date();
    // The facility's own editor confirms for the facility; a ward_admin who is not one, for the ward.
    const ownFacility = (await editableFacilityIds(trx, actor)).includes(facilityId);
    const capabilities = await markFacilityConfirmed(trx, ctx, {
      facilityId,
      municipalityCode: record.municipality_code,
      version: record.version,
      by: { userId: actor.userId, label: actor.email, source: ownFacility ? 'facility' : 'ward' },
      now,
    });
    return { facilityId, name: record.name, confirmedAt: now.toISOString(), capabilities };
  });
}
