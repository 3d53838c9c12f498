import type { Transaction } from 'kysely';
import {
  type ReferralCreateBody,
  type ReferralDto,
  type ReferralEvent,
  type ReferralNameBody,
  type ReferralReasonBody,
  type ReferralSendBody,
  referralRoles,
} from '../../../contracts/referrals';
import type { Actor, RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { addBusinessDays } from '../../platform/time/business-days';
import { tokyoDate } from '../../platform/time/tokyo-calendar';
import { runUseCase, type UseCase } from '../../platform/use-case';
import { findFacilityRecord } from '../directory';
import { addCircleMember, assertPatientAccess } from '../patients';
import { assertCoordinator, coordinatingOrganisation } from './discharge.policy';
import { findCase, findOrganisationOfFacility, insertTask } from './discharge-case.queries';
import { findChange } from './provider-change.queries';
import { referralPartyOf } from './referral.policy';
import { findAssociationDesk, insertReferral, type ReferralRow, updateReferral } from './referral.queries';
import { capacityOf, presentReferrals, reachReferral } from './referral-access';
import { finishReferralTask } from './referral-close';
import { assertGate } from './referral-gate';
import { notifyRecipient, notifySender } from './referral-notices';
import { eventsNeedingReason, referralWorkflow } from './referral-status';

type Deps = Pick<ModuleDeps, 'db'>;

/** Business days the sender waits for an answer before the task is overdue (as the gate's default). */
const ANSWER_BUSINESS_DAYS = 2;

/**
 * Drafts a referral of the patient to one recipient (a directory facility or an association's
 * desk). Drafting is free; the gate is at sending. Throws auth.forbidden, patients.not_found,
 * not_found (case, change), request.invalid (the change's role differs), referrals.unknown_recipient,
 * referrals.already_open.
 */
export async function createReferral(
  deps: Deps,
  ctx: RequestContext,
  body: ReferralCreateBody,
): Promise<ReferralDto> {
  const id = await runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      assertCoordinator(actor);
      const patient = await assertPatientAccess(trx, ctx, body.patientId, 'write', {
        recordType: 'referral',
      });
      if (body.caseId) {
        const found = await findCase(trx, actor.municipalityCode, body.caseId);
        if (!found || found.patient_id !== patient.id) throw new AppError('not_found');
      }
      if (body.providerChangeId) {
        const change = await findChange(trx, actor.municipalityCode, body.providerChangeId);
        if (!change || change.patient_id !== patient.id) throw new AppError('not_found');
        if (change.to_role !== body.role) throw new AppError('request.invalid', { field: 'role' });
      }
      const recipient = await resolveRecipient(trx, actor, body);
      const row = await insertReferral(trx, {
        municipality_code: actor.municipalityCode,
        patient_id: patient.id,
        case_id: body.caseId ?? null,
        provider_change_id: body.providerChangeId ?? null,
        role: body.role,
        ...recipient,
        note: body.note ?? null,
        sender_organisation_id: coordinatingOrganisation(actor) ?? null,
        sender_label: actor.displayName,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      await audit({
        action: 'discharge.referral.create',
        recordType: 'referral',
        recordId: row.id,
        patientId: patient.id,
        details: { role: row.role, recipient: row.recipient_label, viaAssociation: row.via_association },
      });
      return row.id;
    },
    { uniqueViolations: { referrals_one_open_per_recipient: 'referrals.already_open' } },
  );
  return getReferral(deps, ctx, id);
}

async function resolveRecipient(trx: Transaction<Database>, actor: Actor, body: ReferralCreateBody) {
  if (body.associationOrganisationId) {
    const desk = await findAssociationDesk(trx, actor.municipalityCode, body.associationOrganisationId);
    if (!desk) throw new AppError('referrals.unknown_recipient');
    return {
      recipient_facility_id: null,
      recipient_organisation_id: desk.id,
      recipient_label: desk.name,
      via_association: true,
    };
  }
  const facilityId = body.recipientFacilityId as string;
  const facility = await findFacilityRecord(trx, facilityId, { municipalityCode: actor.municipalityCode });
  if (!facility || facility.status === 'closed') throw new AppError('referrals.unknown_recipient');
  const organisation = await findOrganisationOfFacility(trx, actor.municipalityCode, facilityId);
  return {
    recipient_facility_id: facility.id,
    recipient_organisation_id: organisation?.id ?? null,
    recipient_label: facility.name,
    via_association: false,
  };
}

type Apply = (uc: UseCase, row: ReferralRow) => Promise<Partial<ReferralRow> | undefined>;

/** One workflow step: reach and lock the referral, move it through the state machine, apply, audit. */
async function step(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  event: ReferralEvent,
  reason: string | undefined,
  apply?: Apply,
): Promise<ReferralDto> {
  await runUseCase(deps, ctx, async (uc) => {
    const { row, scope } = await reachReferral(uc.trx, ctx, uc.actor, id, 'write', true);
    const party = referralPartyOf(uc.actor, scope, row, event);
    if (!party) throw new AppError('auth.forbidden');
    const status = referralWorkflow.next(row.status, event, party);
    if (eventsNeedingReason.includes(event) && !reason) throw new AppError('referrals.reason_required');
    const extra = (await apply?.(uc, row)) ?? {};
    const closed = referralWorkflow.terminal.includes(status) ? { closed_at: uc.now } : {};
    if (status !== 'sent' && status !== 'received') await finishReferralTask(uc.trx, row, uc.now);
    await updateReferral(uc.trx, row.id, {
      ...extra,
      ...closed,
      ...(reason && eventsNeedingReason.includes(event) ? { reason } : {}),
      status,
      updated_at: uc.now,
    });
    await uc.audit({
      action: `discharge.referral.${event}`,
      recordType: 'referral',
      recordId: row.id,
      patientId: row.patient_id,
      details: { from: row.status, to: status, party, ...(reason ? { reason } : {}) },
    });
  });
  return getReferral(deps, ctx, id);
}

/**
 * Sends the referral: the continuity gate first. For a provider change, never before its consent
 * (continuity.consent_missing; referrals.change_closed after a withdrawal or keeping the current
 * provider). Without one, a role somebody holds needs a provider change (referrals.change_required),
 * and a role nobody holds needs the patient's agreement (continuity.consent_missing,
 * continuity.consent_in_future). The recipient's users get an inbox notice.
 */
export function sendReferral(deps: Deps, ctx: RequestContext, id: string, body: ReferralSendBody) {
  return step(deps, ctx, id, 'send', undefined, async ({ trx, actor, now }, row) => {
    const agreement = await assertGate(trx, row, body, now);
    const capacity = await capacityOf(trx, row);
    await notifyRecipient(trx, row, 'sent');
    // One task per recipient on the case: the answer to wait for, with its business-day due date.
    const task = row.case_id
      ? await insertTask(trx, {
          municipality_code: row.municipality_code,
          case_id: row.case_id,
          title: `紹介の返事を確認：${row.recipient_label}`,
          owner_name: actor.displayName,
          due_on: tokyoDate(addBusinessDays(now, ANSWER_BUSINESS_DAYS)),
          done_at: null,
          created_by: actor.userId,
        })
      : undefined;
    return {
      ...agreement,
      task_id: task?.id ?? null,
      sent_at: now,
      capacity_signal: capacity?.signal ?? null,
      capacity_set_at: capacity ? new Date(capacity.setAt) : null,
    };
  });
}

/** The recipient marks the referral received (read and being considered). */
export function receiveReferral(deps: Deps, ctx: RequestContext, id: string) {
  return step(deps, ctx, id, 'receive', undefined, async ({ actor, now }) => ({
    received_at: now,
    answered_by: actor.userId,
  }));
}

/** The recipient accepts, in one step from `sent`; the sender is told. */
export function acceptReferral(deps: Deps, ctx: RequestContext, id: string) {
  return step(deps, ctx, id, 'accept', undefined, async ({ trx, actor, now }, row) => {
    await notifySender(trx, row, 'accepted');
    return { received_at: row.received_at ?? now, answered_at: now, answered_by: actor.userId };
  });
}

/** The recipient declines with a reason (referrals.reason_required); the sender is told. */
export function declineReferral(deps: Deps, ctx: RequestContext, id: string, body: ReferralReasonBody) {
  return step(deps, ctx, id, 'decline', body?.reason, async ({ trx, actor, now }, row) => {
    await notifySender(trx, row, 'declined');
    return { received_at: row.received_at ?? now, answered_at: now, answered_by: actor.userId };
  });
}

/**
 * The association's desk names the provider (a directory facility): the referral is completed and
 * the sender told, who then refers to (or adds) the named dentist. Throws referrals.not_association,
 * referrals.unknown_recipient.
 */
export function nameProvider(deps: Deps, ctx: RequestContext, id: string, body: ReferralNameBody) {
  return step(deps, ctx, id, 'name', undefined, async ({ trx, actor, now }, row) => {
    if (!row.via_association) throw new AppError('referrals.not_association');
    const named = await findFacilityRecord(trx, body.facilityId, { municipalityCode: row.municipality_code });
    if (!named || named.status === 'closed') throw new AppError('referrals.unknown_recipient');
    await notifySender(trx, row, 'named');
    return {
      named_facility_id: named.id,
      named_label: named.name,
      note: body.note ?? row.note,
      received_at: row.received_at ?? now,
      answered_at: now,
      answered_by: actor.userId,
    };
  });
}

/**
 * Care has started: the sender completes an accepted referral and the recipient joins the circle
 * (a referral for a provider change completes when that change is confirmed instead).
 */
export function completeReferral(deps: Deps, ctx: RequestContext, id: string) {
  return step(deps, ctx, id, 'complete', undefined, async ({ trx, actor, now }, row) => {
    if (row.provider_change_id) throw new AppError('referrals.invalid_transition');
    if (!(referralRoles as readonly string[]).includes(row.role)) return undefined;
    // Closed first, so the circle's join hook does not close it a second time.
    await updateReferral(trx, row.id, { status: 'completed', closed_at: now, updated_at: now });
    await addCircleMember(
      trx,
      {
        patientId: row.patient_id,
        role: row.role,
        facilityId: row.recipient_facility_id,
        organisationId: row.recipient_organisation_id,
        from: now,
        reason: `referral ${row.id}`,
        actor,
        ctx,
      },
      now,
    );
    return undefined;
  });
}

/** The sender cancels an open referral with a reason; a recipient already told is told again. */
export function cancelReferral(deps: Deps, ctx: RequestContext, id: string, body: ReferralReasonBody) {
  return step(deps, ctx, id, 'cancel', body?.reason, async ({ trx }, row) => {
    if (row.status !== 'draft') await notifyRecipient(trx, row, 'cancelled');
    return undefined;
  });
}

/** No answer, or it could not be delivered: the sender marks it failed with a reason. */
export function failReferral(deps: Deps, ctx: RequestContext, id: string, body: ReferralReasonBody) {
  return step(deps, ctx, id, 'fail', body?.reason);
}

/** One referral as its reader may see it. Throws referrals.not_found (also outside the circle). */
export async function getReferral(deps: Deps, ctx: RequestContext, id: string): Promise<ReferralDto> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const reach = await reachReferral(trx, ctx, actor, id, 'read');
    const [dto] = await presentReferrals(
      trx,
      actor,
      reach.scope,
      [reach.row],
      new Map([[reach.row.id, reach.patient]]),
    );
    return dto as ReferralDto;
  });
}
