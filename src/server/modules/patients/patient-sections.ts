import type { Expression, Transaction } from 'kysely';
import type { CareRole } from '../../../contracts/patients';
import type { RequestContext } from '../../platform/context';
import type { Database, Executor } from '../../platform/db/schema';
import type { PageSectionQuery } from './patient-access.queries';
import type { PatientRow } from './patient-access.service';

/**
 * A part of the patient page another module owns (the discharge module's `cases`,
 * `providerChanges` and `referrals`, the documents module's `documents`); its answer is put under
 * its name in `GET /api/patients/:id`. The page reads every section's rows in its own statement,
 * after the access check there, and records one access-log row per row under `recordType`; then
 * `present` turns the rows into the section's answer (reading more only where it must).
 */
export type PatientSection<Row> = {
  recordType: string;
  /** The patient's rows, each with an `id`, as a query (not run here: the page's statement embeds it). */
  rows(
    executor: Executor,
    ctx: RequestContext,
    patient: { municipalityCode: string; id: string },
  ): Expression<unknown>;
  /**
   * The section's answer. The rows come back through JSON: timestamps (`*_at`) are Dates again,
   * counts are numbers, and every other column is as a plain select gives it.
   */
  present(executor: Executor, ctx: RequestContext, patient: PatientRow, rows: Row[]): Promise<unknown>;
};

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

const sections = new Map<string, PatientSection<never>>();
const joinHandlers = new Map<string, CircleJoinHandler>();
const mergeHandlers = new Map<string, PatientMergeHandler>();
const RESERVED = new Set(['patient', 'circle', 'accessBasis']);

/** Adds (or replaces, on a second app in the same process) a section of the patient page. */
export function registerPatientSection<Row>(name: string, section: PatientSection<Row>): void {
  if (RESERVED.has(name)) throw new Error(`patient section name ${name} is reserved`);
  sections.set(name, section as PatientSection<never>);
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

/** Every registered section's rows query, for the patient page's statement. */
export function patientSectionQueries(
  executor: Executor,
  ctx: RequestContext,
  patient: { municipalityCode: string; id: string },
): PageSectionQuery[] {
  return [...sections].map(([name, section]) => ({
    name,
    recordType: section.recordType,
    rows: section.rows(executor, ctx, patient),
  }));
}

/** Every section's answer from the rows the page's statement read. */
export async function presentPatientSections(
  executor: Executor,
  ctx: RequestContext,
  patient: PatientRow,
  rows: Record<string, unknown[]>,
): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    [...sections].map(
      async ([name, section]) =>
        [name, await section.present(executor, ctx, patient, (rows[name] ?? []) as never[])] as const,
    ),
  );
  return Object.fromEntries(entries);
}

export async function runMergeHandlers(
  trx: Transaction<Database>,
  merge: { fromId: string; intoId: string },
) {
  for (const handler of mergeHandlers.values()) await handler(trx, merge);
}
