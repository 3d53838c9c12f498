import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import type { PatientRow } from './patient-access.service';

type Executor = Kysely<Database> | Transaction<Database>;

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

const sections = new Map<string, PatientSectionLoader>();
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
