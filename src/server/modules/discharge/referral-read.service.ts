import type {
  AssociationDeskList,
  IncomingReferralPage,
  IncomingReferralQuery,
  ReferralDto,
  ReferralList,
  ReferredPatient,
} from '../../../contracts/referrals';
import { recordListAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { decodeTimeCursor, toPage } from '../../platform/db/pagination';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { assertPatientAccess, type PatientRow, readGrantedPatients, scopeOf } from '../patients';
import {
  listAssociationDesks,
  listIncomingReferrals,
  listReferralSummariesOfPatient,
} from './referral.queries';
import { presentReferralSummaries, presentReferrals } from './referral-access';
import { isVisibleToRecipient } from './referral-status';

type Deps = Pick<ModuleDeps, 'db'>;

/** The patient page's (and the case page's) `referrals`: runs after assertPatientAccess, records its reads. */
export async function loadReferralsSection(
  executor: Executor,
  ctx: RequestContext,
  patient: PatientRow,
): Promise<ReferralDto[]> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const rows = await listReferralSummariesOfPatient(executor, patient.municipality_code, patient.id);
  await recordListAccess(executor, ctx, rows, (r) => ({
    patientId: patient.id,
    recordType: 'referral',
    recordId: r.id,
  }));
  return presentReferralSummaries(actor, await scopeOf(executor, ctx), rows);
}

/** The referrals of one patient, for the case page (the sending side). Throws patients.not_found. */
export async function listReferralsOf(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
): Promise<ReferralList> {
  const patient = await assertPatientAccess(deps.db, ctx, patientId, 'read', { recordType: 'referral' });
  return { items: await loadReferralsSection(deps.db, ctx, patient) };
}

/**
 * Referrals addressed to the caller's organisations (never drafts), newest first, one page; each
 * open one with the patient's minimum data, each read in the access log with basis `referral`.
 */
export async function listIncoming(
  deps: Deps,
  ctx: RequestContext,
  query: IncomingReferralQuery,
): Promise<IncomingReferralPage> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const scope = await scopeOf(deps.db, ctx);
  const rows = await listIncomingReferrals(deps.db, {
    municipalityCode: actor.municipalityCode,
    organisationIds: scope.organisationIds,
    facilityIds: scope.facilityIds,
    open: query.open,
    after: decodeTimeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(
    rows,
    query,
    (r) => ({ sort: r.created_at, id: r.id }),
    (r) => r,
  );
  // One read of the open referrals' patients and one insert of their access rows, not one per row.
  const open = page.items.filter((r) => isVisibleToRecipient(r.status));
  const granted = await readGrantedPatients(
    deps.db,
    ctx,
    open.map((r) => ({ patientId: r.patient_id, basis: 'referral', recordType: 'referral', recordId: r.id })),
  );
  const patients = new Map<string, ReferredPatient | null>(
    open.map((r) => [r.id, granted.get(r.patient_id) ?? null]),
  );
  // Closed: the recipient keeps the outcome, not the patient's data; the read is logged all the same.
  await recordListAccess(
    deps.db,
    ctx,
    page.items.filter((r) => !isVisibleToRecipient(r.status)),
    (r) => ({ patientId: r.patient_id, recordType: 'referral', recordId: r.id, basis: 'referral' }),
  );
  return {
    items: await presentReferrals(deps.db, actor, scope, page.items, patients),
    nextCursor: page.nextCursor,
  };
}

/** The municipality's association desks (the dental association's かかりつけ歯科医紹介制度). */
export async function listDesks(deps: Deps, ctx: RequestContext): Promise<AssociationDeskList> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  return { items: await listAssociationDesks(deps.db, actor.municipalityCode) };
}
