import type { Transaction } from 'kysely';
import type { CareRole } from '../../../contracts/patients';
import type { RequestContext } from '../../platform/context';
import type { Database, Executor } from '../../platform/db/schema';
import type { PatientRow } from './patient-access.service';

/**
 * A part of the patient page another module owns (the discharge module's `cases` and
 * `providerChanges`). The loader runs after the access check and must record its own reads with
 * recordAccess; its result is put under `name` in `GET /api/patients/:id`.
 */
export type PatientSectionLoader = (
  executor: Executor,
  ctx: RequestContext,
  patient: PatientRow,
) => Promise<unknown>;

/** Runs when the ward admin merges a duplicate: move the module's rows from `fromId` to `intoId`. */
export type PatientMergeHandler = (
  trx: Transaction<Database>,
  merge: { fromId: string; intoId: string },
) => Promise<void>;

/** A member joined the circle (a change, shared care, a plain addition): what another module closes. */
export type CircleJoin = {
  patientId: string;
  municipalityCode: string;
  role: CareRole;
  memberId: string;
  facilityId: string | null;
  organisationId: string | null;
  at: Date;
  actorUserId: string;
  /** The request that changed the circle, when there is one: a handler's audit rows carry it. */
  ctx?: RequestContext;
};

/** Runs in the transaction that added the member (the referrals module closes what the role no longer needs). */
export type CircleJoinHandler = (trx: Transaction<Database>, join: CircleJoin) => Promise<void>;

const sections = new Map<string, PatientSectionLoader>();
const joinHandlers = new Map<string, CircleJoinHandler>();
const mergeHandlers = new Map<string, PatientMergeHandler>();
const RESERVED = new Set(['patient', 'circle', 'accessBasis']);

/** Adds (or replaces, on a second app in the same process) a section of the patient page. */
export function registerPatientSection(name: string, loader: PatientSectionLoader): void {
  if (RESERVED.has(name)) throw new Error(`patient section name ${name} is reserved`);
  sections.set(name, loader);
}

/** Adds (or replaces) what a module does when two patient records are merged. */
export function registerPatientMergeHandler(module: string, handler: PatientMergeHandler): void {
  mergeHandlers.set(module, handler);
}

/** Adds (or replaces) what a module does when a member joins a patient's circle. */
export function registerCircleJoinHandler(module: string, handler: CircleJoinHandler): void {
  joinHandlers.set(module, handler);
}

export async function runCircleJoinHandlers(trx: Transaction<Database>, join: CircleJoin) {
  for (const handler of joinHandlers.values()) await handler(trx, join);
}

export async function loadPatientSections(
  executor: Executor,
  ctx: RequestContext,
  patient: PatientRow,
): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    [...sections].map(async ([name, load]) => [name, await load(executor, ctx, patient)] as const),
  );
  return Object.fromEntries(entries);
}

export async function runMergeHandlers(
  trx: Transaction<Database>,
  merge: { fromId: string; intoId: string },
) {
  for (const handler of mergeHandlers.values()) await handler(trx, merge);
}
