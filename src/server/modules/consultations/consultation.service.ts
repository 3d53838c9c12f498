import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type {
  ConsultationContact,
  ConsultationCreateBody,
  ConsultationDetail,
  ConsultationFlagsBody,
  ConsultationListQuery,
  ConsultationSummary,
  ConsultationTransitionBody,
  ContactCreateBody,
} from '../../../contracts/consultations';
import type { Page } from '../../../contracts/page';
import { recordAccess, recordListAccess } from '../../platform/access-log/access-log.service';
import type { Actor, RequestContext } from '../../platform/context';
import { decodeTimeCursor, toPage } from '../../platform/db/pagination';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { findFacilityRecord, listDistricts } from '../directory';
import { assertPatientAccess } from '../patients';
import { partyOf, recordingWindow, windowScopeOf } from './consultation.policy';
import {
  presentConsultationContact,
  presentConsultationDetail,
  presentConsultationSummary,
} from './consultation.presenter';
import {
  type ConsultationRow,
  findConsultation,
  findWindowName,
  insertConsultation,
  insertConsultationContact,
  listConsultationContacts,
  listConsultationRows,
  updateConsultation,
} from './consultation.queries';
import type { ConsultationContactTable } from './consultation.table';
import { consultationWorkflow } from './consultation-status';

type Deps = Pick<ModuleDeps, 'db'>;

/** The access log's record type of a consultation (its rows carry the linked patient, if any). */
export const CONSULTATION_RECORD = 'consultation';

/** A contact may be recorded a little ahead of the server's clock (a phone's clock), not more. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Records a new consultation at the caller's window with its first contact. A linked patient must
 * be one the caller reaches (the patients module's gate writes the access row, with its basis).
 * Throws consultations.window_required, consultations.district_unknown,
 * consultations.contact_in_future, directory.facility_not_found, patients.not_found.
 */
export async function openConsultation(
  deps: Deps,
  ctx: RequestContext,
  body: ConsultationCreateBody,
): Promise<ConsultationDetail> {
  const id = await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const organisationId = recordingWindow(actor);
    await assertDistrict(trx, actor.municipalityCode, body.subject.districtCode);
    // known before the insert, so the patient gate's access row names it (a random id: no time in it)
    const id = randomUUID();
    if (body.patientId)
      await assertPatientAccess(trx, ctx, body.patientId, 'write', {
        recordType: CONSULTATION_RECORD,
        recordId: id,
      });
    const at = contactTime(body.firstContact, now);
    const row = await insertConsultation(trx, {
      id,
      municipality_code: actor.municipalityCode,
      organisation_id: organisationId,
      subject_name: body.subject.name ?? null,
      subject_kana: body.subject.kana ?? null,
      age_band: body.subject.ageBand,
      district_code: body.subject.districtCode ?? null,
      lives_in_ward: body.subject.livesInWard,
      patient_id: body.patientId ?? null,
      gap_flags: body.flags,
      routed_to: body.routedTo?.target ?? null,
      routed_note: body.routedTo?.note ?? null,
      opened_by: actor.userId,
      opened_by_label: actor.displayName,
      first_contact_at: at,
      last_contact_at: at,
      created_at: now,
      updated_at: now,
    });
    await insertConsultationContact(trx, await contactValues(trx, actor, row, body.firstContact, now));
    // With a linked patient the gate above wrote this write's row (with how the caller reaches them).
    if (!body.patientId) await recordAccess(trx, ctx, writeEntry(row));
    await audit({
      action: 'consultation.open',
      recordType: CONSULTATION_RECORD,
      recordId: row.id,
      patientId: row.patient_id ?? undefined,
      details: { window: organisationId, flags: row.gap_flags, routedTo: row.routed_to },
    });
    return row.id;
  });
  return getConsultation(deps, ctx, id);
}

/** Adds a contact (延数). Throws consultations.not_found, consultations.closed, as openConsultation. */
export async function addConsultationContact(
  deps: Deps,
  ctx: RequestContext,
  consultationId: string,
  body: ContactCreateBody,
): Promise<ConsultationContact> {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const row = await lockConsultation(trx, actor, consultationId);
    if (row.status === 'closed') throw new AppError('consultations.closed');
    const values = await contactValues(trx, actor, row, body, now);
    const contact = await insertConsultationContact(trx, values);
    const at = values.occurred_at;
    await updateConsultation(trx, row.id, {
      first_contact_at: new Date(Math.min(at.getTime(), row.first_contact_at.getTime())),
      last_contact_at: new Date(Math.max(at.getTime(), row.last_contact_at.getTime())),
      updated_at: now,
    });
    await recordAccess(trx, ctx, writeEntry(row));
    await audit({
      action: 'consultation.contact.add',
      recordType: CONSULTATION_RECORD,
      recordId: row.id,
      patientId: row.patient_id ?? undefined,
      details: { contact: contact.id, consulter: contact.consulter, channel: contact.channel },
    });
    return presentConsultationContact(contact);
  });
}

/** Moves a consultation along its workflow. Throws consultations.not_found, consultations.invalid_transition. */
export async function transitionConsultation(
  deps: Deps,
  ctx: RequestContext,
  consultationId: string,
  body: ConsultationTransitionBody,
): Promise<ConsultationDetail> {
  await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const row = await lockConsultation(trx, actor, consultationId);
    const status = consultationWorkflow.next(row.status, body.event, partyOf(actor, row));
    await updateConsultation(trx, row.id, {
      status,
      updated_at: now,
      closed_at: status === 'closed' ? now : null,
    });
    await recordAccess(trx, ctx, writeEntry(row));
    await audit({
      action: `consultation.${body.event}`,
      recordType: CONSULTATION_RECORD,
      recordId: row.id,
      patientId: row.patient_id ?? undefined,
      details: { from: row.status, to: status },
    });
  });
  return getConsultation(deps, ctx, consultationId);
}

/** Sets the はざま flags and the routing (both replaced). Throws consultations.not_found. */
export async function setConsultationFlags(
  deps: Deps,
  ctx: RequestContext,
  consultationId: string,
  body: ConsultationFlagsBody,
): Promise<ConsultationDetail> {
  await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const row = await lockConsultation(trx, actor, consultationId);
    await updateConsultation(trx, row.id, {
      gap_flags: body.flags,
      routed_to: body.routedTo?.target ?? null,
      routed_note: body.routedTo?.note ?? null,
      updated_at: now,
    });
    await recordAccess(trx, ctx, writeEntry(row));
    await audit({
      action: 'consultation.flags.set',
      recordType: CONSULTATION_RECORD,
      recordId: row.id,
      patientId: row.patient_id ?? undefined,
      details: {
        from: { flags: row.gap_flags, routedTo: row.routed_to },
        to: { flags: body.flags, routedTo: body.routedTo?.target ?? null },
      },
    });
  });
  return getConsultation(deps, ctx, consultationId);
}

/**
 * One consultation with its contacts, for its window's staff. Reads only (no transaction); the
 * read goes to the access log before the answer leaves. Throws consultations.not_found.
 */
export async function getConsultation(
  deps: Deps,
  ctx: RequestContext,
  consultationId: string,
): Promise<ConsultationDetail> {
  const actor = requireActor(ctx);
  const row = await findConsultation(deps.db, windowScopeOf(actor), consultationId);
  if (!row) throw new AppError('consultations.not_found');
  const [contacts, windowName] = await Promise.all([
    listConsultationContacts(deps.db, row.id),
    findWindowName(deps.db, row.organisation_id),
  ]);
  await recordAccess(deps.db, ctx, { ...writeEntry(row), action: 'read' });
  return presentConsultationDetail(row, {
    windowName: windowName ?? '',
    contacts,
    party: partyOf(actor, row),
  });
}

/**
 * The caller's windows' consultations, newest contact first, in the one list pattern; each listed
 * consultation's read is logged. Throws request.invalid for a cursor this list did not write.
 */
export async function listConsultations(
  deps: Deps,
  ctx: RequestContext,
  query: ConsultationListQuery,
): Promise<Page<ConsultationSummary>> {
  const actor = requireActor(ctx);
  const rows = await listConsultationRows(deps.db, {
    scope: windowScopeOf(actor),
    status: query.status,
    after: decodeTimeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = toPage(
    rows,
    query,
    (r) => ({ sort: r.last_contact_at, id: r.id }),
    (r) => presentConsultationSummary(r, Number(r.contact_count)),
  );
  await recordListAccess(deps.db, ctx, page.items, (c) => ({
    patientId: c.patientId,
    recordType: CONSULTATION_RECORD,
    recordId: c.id,
  }));
  return page;
}

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

/** Loads a consultation of the caller's windows for a step, locked. Throws consultations.not_found. */
async function lockConsultation(executor: Executor, actor: Actor, id: string): Promise<ConsultationRow> {
  const row = await findConsultation(executor, windowScopeOf(actor), id, true);
  if (!row) throw new AppError('consultations.not_found');
  return row;
}

const writeEntry = (row: ConsultationRow) => ({
  patientId: row.patient_id,
  recordType: CONSULTATION_RECORD,
  recordId: row.id,
  action: 'write' as const,
});

async function assertDistrict(executor: Executor, municipalityCode: string, code: string | undefined) {
  if (!code) return;
  const districts = await listDistricts(executor, municipalityCode);
  if (!districts.some((d) => d.code === code)) throw new AppError('consultations.district_unknown');
}

function contactTime(body: ContactCreateBody, now: Date): Date {
  const at = new Date(body.occurredAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('consultations.contact_in_future');
  return at;
}

/**
 * The row of a contact: a directory facility's name, and "in the ward" when it is one of the
 * ward's own directory entries; a typed institution as the caller said.
 */
async function contactValues(
  executor: Executor,
  actor: Actor,
  consultation: ConsultationRow,
  body: ContactCreateBody,
  now: Date,
): Promise<Insertable<ConsultationContactTable>> {
  let institution: { facilityId: string | null; name: string; inWard: 'yes' | 'no' | 'unknown' } | undefined;
  if (body.institution?.facilityId) {
    const facility = await findFacilityRecord(executor, body.institution.facilityId);
    if (!facility) throw new AppError('directory.facility_not_found');
    institution = {
      facilityId: facility.id,
      name: facility.name,
      inWard: facility.municipality_code === actor.municipalityCode ? 'yes' : 'no',
    };
  } else if (body.institution?.name) {
    institution = { facilityId: null, name: body.institution.name, inWard: body.institution.inWard };
  }
  return {
    municipality_code: consultation.municipality_code,
    consultation_id: consultation.id,
    occurred_at: contactTime(body, now),
    channel: body.channel,
    consulter: body.consulter,
    institution_facility_id: institution?.facilityId ?? null,
    institution_name: institution?.name ?? null,
    institution_in_ward: institution?.inWard ?? null,
    referral_source: body.referralSource ?? null,
    topics: body.topics,
    responses: body.responses,
    summary: body.summary,
    follow_up_on: body.followUpOn ?? null,
    recorded_by: actor.userId,
    recorded_by_label: actor.displayName,
    created_at: now,
  };
}
