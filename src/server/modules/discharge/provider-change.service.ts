import type { Transaction } from 'kysely';
import type {
  ConsentBody,
  OverrideBody,
  ProviderChangeCreateBody,
  ProviderChangeDto,
  RespondBody,
} from '../../../contracts/discharge';
import type { Actor, RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { addBusinessDays } from '../../platform/time/business-days';
import { runUseCase, type UseCase } from '../../platform/use-case';
import { assertPatientAccess, currentCircle } from '../patients';
import { listNoticesOfChange } from './case-notice.queries';
import { assertCoordinator, partyOf } from './discharge.policy';
import { findCase, findEscalationDays, findOrganisationOfFacility } from './discharge-case.queries';
import { presentChanges } from './discharge-case-detail';
import { markNoticeAcknowledged, noticeFor, sendNotices } from './notice.service';
import {
  type ChangeRow,
  findChange,
  findCoordinatorByEmail,
  insertChange,
  insertConsent,
  insertOverride,
  insertResponse,
  updateChange,
} from './provider-change.queries';
import { applyToCircle } from './provider-change-circle';
import { gateRefusal, type ProviderChangeEvent, providerChangeWorkflow } from './provider-change-status';

type Deps = Pick<ModuleDeps, 'db'>;

/** Business days an incumbent has to answer when the ward set nothing (issue 14: 2). */
export const DEFAULT_ESCALATION_DAYS = 2;

/** Allowance for clocks of the client and the server a little apart (a consent "just now"). */
const CLOCK_SKEW_MS = 60_000;

/**
 * Proposes switching a role of the patient's circle; the change waits behind the gate. Throws
 * auth.forbidden, patients.not_found, not_found (case), continuity.no_incumbent, continuity.change_open.
 */
export async function proposeChange(
  deps: Deps,
  ctx: RequestContext,
  body: ProviderChangeCreateBody,
): Promise<ProviderChangeDto> {
  const id = await runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      assertCoordinator(actor);
      const patient = await assertPatientAccess(trx, ctx, body.patientId, 'write', {
        recordType: 'provider_change',
      });
      if (body.caseId) {
        const found = await findCase(trx, actor.municipalityCode, body.caseId);
        if (!found || found.patient_id !== patient.id) throw new AppError('not_found');
      }
      const incumbent = (await currentCircle(trx, actor.municipalityCode, patient.id)).find(
        (m) => m.role === body.role,
      );
      if (!incumbent) throw new AppError('continuity.no_incumbent');
      const toOrganisation = body.toFacilityId
        ? await findOrganisationOfFacility(trx, actor.municipalityCode, body.toFacilityId)
        : undefined;
      const row = await insertChange(trx, {
        municipality_code: actor.municipalityCode,
        patient_id: patient.id,
        case_id: body.caseId ?? null,
        role: body.role,
        to_role: body.toRole ?? body.role,
        from_membership_id: incumbent.id,
        from_facility_id: incumbent.facilityId,
        from_organisation_id: incumbent.organisationId,
        from_label: incumbent.facilityName ?? incumbent.organisationName ?? incumbent.personName,
        to_facility_id: body.toFacilityId ?? null,
        to_organisation_id: toOrganisation?.id ?? null,
        to_label: body.toLabel,
        reason: body.reason ?? null,
        proposed_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      await audit({
        action: 'discharge.change.propose',
        recordType: 'provider_change',
        recordId: row.id,
        patientId: patient.id,
        details: { role: row.role, toRole: row.to_role, to: row.to_label },
      });
      return row.id;
    },
    { uniqueViolations: { provider_changes_one_open: 'continuity.change_open' } },
  );
  return getChange(deps, ctx, id);
}

/** Loads a change for a workflow step: locked (one of two concurrent steps waits, then sees the new state). */
async function lockChange(
  trx: Transaction<Database>,
  ctx: RequestContext,
  actor: Actor,
  changeId: string,
): Promise<ChangeRow> {
  const row = await findChange(trx, actor.municipalityCode, changeId, true);
  if (!row) throw new AppError('not_found');
  await assertPatientAccess(trx, ctx, row.patient_id, 'write', {
    recordType: 'provider_change',
    recordId: row.id,
  });
  return row;
}

type Step = (uc: UseCase, row: ChangeRow) => Promise<Partial<ChangeRow> | undefined>;

/** One workflow step of a change: lock, move through the state machine, apply, audit. */
async function step(
  deps: Deps,
  ctx: RequestContext,
  changeId: string,
  event: ProviderChangeEvent,
  apply?: Step,
) {
  await runUseCase(
    deps,
    ctx,
    async (uc) => {
      const row = await lockChange(uc.trx, ctx, uc.actor, changeId);
      const party = partyOf(uc.actor, row);
      if (!party) throw new AppError('auth.forbidden');
      // A closed gate says what is missing rather than a bare invalid_transition.
      const refusal = event === 'confirm' ? gateRefusal(row.status) : undefined;
      if (refusal) throw new AppError(refusal);
      const status = providerChangeWorkflow.next(row.status, event, party);
      const extra = (await apply?.(uc, row)) ?? {};
      await updateChange(uc.trx, row.id, { ...extra, status, updated_at: uc.now });
      await uc.audit({
        action: `discharge.change.${event}`,
        recordType: 'provider_change',
        recordId: row.id,
        patientId: row.patient_id,
        details: { from: row.status, to: status },
      });
    },
    { uniqueViolations: { provider_change_consents_pkey: 'continuity.consent_already_recorded' } },
  );
  return getChange(deps, ctx, changeId);
}

/** Marks the change as waiting for the family's answer (the form was handed over, a call is due). */
export function requestConsent(deps: Deps, ctx: RequestContext, changeId: string) {
  return step(deps, ctx, changeId, 'request_consent');
}

/**
 * Records the explicit consent for this switch. Throws continuity.consent_in_future (dated after
 * now) and provider_change.invalid_transition (after the confirmation: consent cannot follow it).
 */
export function recordConsent(deps: Deps, ctx: RequestContext, changeId: string, body: ConsentBody) {
  return step(deps, ctx, changeId, 'record_consent', async ({ trx, actor, now }, row) => {
    const givenAt = new Date(body.givenAt);
    if (givenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('continuity.consent_in_future');
    await insertConsent(trx, {
      change_id: row.id,
      municipality_code: row.municipality_code,
      given_by: body.givenBy,
      representative_name: body.givenBy === 'representative' ? (body.representativeName ?? null) : null,
      given_at: givenAt.getTime() > now.getTime() ? now : givenAt,
      method: body.method,
      agreed: body.agreed,
      offered_keep_current: body.offeredKeepCurrent,
      offered_shared_care: body.offeredSharedCare,
      document_ref: body.documentRef ?? null,
      recorded_by: actor.userId,
      recorded_by_label: actor.displayName,
      recorded_at: now,
    });
    return undefined;
  });
}

/**
 * Tells the incumbent (their organisation's inbox, or FAX without an account); the answer is due
 * in the ward's business days (holidays and 年末年始 skipped), then the sweep escalates.
 */
export function notifyIncumbent(deps: Deps, ctx: RequestContext, changeId: string) {
  return step(deps, ctx, changeId, 'notify_incumbent', async ({ trx, now }, row) => {
    const days = (await findEscalationDays(trx, row.municipality_code)) ?? DEFAULT_ESCALATION_DAYS;
    const dueAt = addBusinessDays(now, days);
    const incumbent = (await currentCircle(trx, row.municipality_code, row.patient_id)).find(
      (m) => m.id === row.from_membership_id,
    );
    if (incumbent) {
      await sendNotices(trx, [
        noticeFor(incumbent, {
          municipality_code: row.municipality_code,
          kind: 'provider_change',
          patient_id: row.patient_id,
          case_id: row.case_id,
          provider_change_id: row.id,
          due_at: dueAt,
          created_at: now,
        }),
      ]);
    }
    return { notified_at: now, due_at: dueAt };
  });
}

/** The incumbent agrees or objects (with a reason); their notices are acknowledged. Throws auth.forbidden. */
export function respondToChange(deps: Deps, ctx: RequestContext, changeId: string, body: RespondBody) {
  return step(
    deps,
    ctx,
    changeId,
    body.answer === 'agree' ? 'acknowledge' : 'object',
    async ({ trx, actor, now }, row) => {
      await insertResponse(trx, {
        municipality_code: row.municipality_code,
        change_id: row.id,
        answer: body.answer,
        reason: body.reason ?? null,
        responded_by: actor.userId,
        responded_by_label: actor.displayName,
        responded_at: now,
      });
      for (const notice of await listNoticesOfChange(trx, row.id, 'provider_change')) {
        if (notice.status === 'acknowledged' || notice.recipient_organisation_id !== row.from_organisation_id)
          continue;
        await markNoticeAcknowledged(trx, notice, actor.userId, now);
      }
      return undefined;
    },
  );
}

/**
 * Confirms the switch and hands the role over in the circle. Refuses while the gate is closed:
 * continuity.consent_missing, continuity.incumbent_not_acknowledged; a second confirmation that
 * lost the race gets provider_change.invalid_transition.
 */
export function confirmChange(deps: Deps, ctx: RequestContext, changeId: string) {
  return step(deps, ctx, changeId, 'confirm', async ({ trx, actor, now }, row) => {
    await applyToCircle(trx, actor, row, 'replace', now, ctx);
    return { closed_at: now };
  });
}

/**
 * Confirms past the gate (an emergency, an unreachable incumbent): a reason code and a second
 * coordinating user other than the caller, audited and counted. Throws continuity.override_reason_required.
 */
export function overrideChange(deps: Deps, ctx: RequestContext, changeId: string, body: OverrideBody) {
  return step(deps, ctx, changeId, 'override', async ({ trx, actor, now, audit }, row) => {
    if (!body.reasonCode || !body.secondUserEmail || (body.reasonCode === 'other' && !body.reasonNote)) {
      throw new AppError('continuity.override_reason_required');
    }
    const second = await findCoordinatorByEmail(trx, actor.municipalityCode, body.secondUserEmail);
    if (!second || second.id === actor.userId) throw new AppError('continuity.override_reason_required');
    await insertOverride(trx, {
      change_id: row.id,
      municipality_code: row.municipality_code,
      reason_code: body.reasonCode,
      reason_note: body.reasonNote ?? null,
      requested_by: actor.userId,
      second_user_id: second.id,
      created_at: now,
    });
    await audit({
      action: 'discharge.change.override_approved',
      recordType: 'provider_change',
      recordId: row.id,
      patientId: row.patient_id,
      details: { reasonCode: body.reasonCode, secondUserId: second.id, gateState: row.status },
    });
    await applyToCircle(trx, actor, row, 'replace', now, ctx);
    return { closed_at: now };
  });
}

/** The family keeps the current provider; nothing changes in the circle. */
export function keepCurrent(deps: Deps, ctx: RequestContext, changeId: string) {
  return step(deps, ctx, changeId, 'keep_current', async ({ now }) => ({ closed_at: now }));
}

/** Shared care: the incumbent stays and the new provider joins (consent was recorded first). */
export function shareCare(deps: Deps, ctx: RequestContext, changeId: string) {
  return step(deps, ctx, changeId, 'share_care', async ({ trx, actor, now }, row) => {
    await applyToCircle(trx, actor, row, 'add', now, ctx);
    return { closed_at: now };
  });
}

/** Withdraws the proposal. */
export function withdrawChange(deps: Deps, ctx: RequestContext, changeId: string) {
  return step(deps, ctx, changeId, 'withdraw', async ({ now }) => ({ closed_at: now }));
}

/** One change as its page shows it. Throws not_found (also outside the patient's circle). */
export async function getChange(
  deps: Deps,
  ctx: RequestContext,
  changeId: string,
): Promise<ProviderChangeDto> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const row = await findChange(trx, actor.municipalityCode, changeId);
    if (!row) throw new AppError('not_found');
    await assertPatientAccess(trx, ctx, row.patient_id, 'read', {
      recordType: 'provider_change',
      recordId: row.id,
    });
    const [dto] = await presentChanges(trx, actor, [row]);
    return dto as ProviderChangeDto;
  });
}
