import type { Kysely, OperationNodeSource, RawBuilder } from 'kysely';
import type { AccessAction, AccessBasis } from '../../../contracts/patients';
import type { RequestContext } from '../context';
import type { Database, Executor } from '../db/schema';
import { clock } from '../time/clock';
import { insertAccessLogFrom } from './access-log.queries';
import './access-log.table';

export type AccessEntry = {
  patientId: string | null;
  /** What was touched: `patient`, `care_circle`, `discharge_case`, `provider_change`, … */
  recordType: string;
  recordId?: string | null;
  action: AccessAction;
  /** How the caller reached the patient (from assertPatientAccess); null when not patient-scoped. */
  basis?: AccessBasis | null;
  /** Who, when nobody is signed in (the name given on a FAX sheet's link); else the actor's email. */
  actorLabel?: string;
  /** The record's municipality, when nobody is signed in (else the actor's or the request's). */
  municipalityCode?: string;
};

type SealTrigger = { db: Kysely<Database>; everyRows: number; seal(db: Kysely<Database>): Promise<unknown> };
let sealTrigger: SealTrigger | undefined;
let rowsSinceSeal = 0;
let sealing = false;

/**
 * Seals the log from the running server after every `everyRows` recorded rows (the job scheduler
 * will call the seal on a timer later; this keeps the unsealed tail short meanwhile).
 */
export function configureAccessLogSealing(trigger: SealTrigger | undefined): void {
  sealTrigger = trigger;
  rowsSinceSeal = 0;
}

/**
 * Records one access to patient data. A plain insert: it takes no lock, so concurrent reads never
 * queue behind each other or the audit chain. Inside a use case's transaction, the row commits (or
 * rolls back) with the write it records.
 */
export async function recordAccess(
  executor: Executor,
  ctx: RequestContext,
  entry: AccessEntry,
): Promise<void> {
  await recordAccesses(executor, ctx, [entry]);
}

let skippedForBenchmark = false;

/**
 * Benchmark only (bench/scenarios/discharge.ts measures what the log adds to a patient read, issue
 * 14): turns recording off in this process. Deliberately no config key or environment variable
 * reaches it, so no deployment can switch the log off; only code running the server in-process can.
 */
export function skipAccessLogForBenchmark(skip: boolean): void {
  skippedForBenchmark = skip;
}

type PendingAccess = AccessEntry & { occurredAt: Date };
type AccessBatch = { executor: Executor; entries: PendingAccess[] };
// The batch a page read collects (withAccessBatch), per request.
const batches = new WeakMap<RequestContext, AccessBatch>();

/** Records several accesses in one statement (a list shows many patients at once). */
export async function recordAccesses(
  executor: Executor,
  ctx: RequestContext,
  entries: AccessEntry[],
): Promise<void> {
  if (entries.length === 0 || skippedForBenchmark) return;
  const occurredAt = clock.now();
  const pending = entries.map((e) => ({ ...e, occurredAt }));
  const batch = batches.get(ctx);
  // Only a read on the batch's own executor waits: a write inside a transaction keeps its row in
  // that transaction, committed or rolled back with what it records.
  if (batch && batch.executor === executor) {
    batch.entries.push(...pending);
    return;
  }
  await insertAccesses(executor, ctx, pending);
}

/** What one listed item's access-log row says; a list's rows are all reads. */
export type ListedAccess = Omit<AccessEntry, 'action' | 'actorLabel' | 'municipalityCode'>;

/**
 * Records that a list showed these items: one `read` row per item, all in one statement (or the
 * request's batch, withAccessBatch), nothing for an empty list. Pass the items the caller sees —
 * a page's `items` after toPage, never the extra row that only tells a next page exists.
 *
 *   const page = toPage(rows, query, positionOf, present);
 *   await recordListAccess(deps.db, ctx, page.items, (c) => ({ patientId: c.patientId, recordType: 'discharge_case', recordId: c.id }));
 */
export async function recordListAccess<Item>(
  executor: Executor,
  ctx: RequestContext,
  items: readonly Item[],
  toEntry: (item: Item) => ListedAccess,
): Promise<void> {
  await recordAccesses(
    executor,
    ctx,
    items.map((item) => ({ ...toEntry(item), action: 'read' })),
  );
}

async function insertAccesses(executor: Executor, ctx: RequestContext, entries: PendingAccess[]) {
  if (entries.length === 0) return;
  await executor
    .insertInto('access_log')
    .values(
      entries.map((e) => ({
        occurred_at: e.occurredAt,
        municipality_code: e.municipalityCode ?? ctx.actor?.municipalityCode ?? ctx.municipalityCode,
        actor_user_id: ctx.actor?.userId ?? null,
        actor_label: e.actorLabel ?? ctx.actor?.email ?? null,
        patient_id: e.patientId,
        record_type: e.recordType,
        record_id: e.recordId ?? null,
        action: e.action,
        basis: e.basis ?? null,
        request_id: ctx.requestId,
        client_ip: ctx.clientIp,
      })),
    )
    .execute();
  countTowardsSeal(entries.length);
}

/**
 * Runs a read that records several accesses (the patient page: the patient, then each module's
 * section) and writes them as one insert when it ends, instead of one insert per section: a round
 * trip each, which on PGlite's single connection queue behind each other. The rows are the same,
 * each with the time it was recorded, and they are written before the answer leaves (also when
 * the read fails part-way, so an access already made is never lost).
 */
export async function withAccessBatch<T>(
  executor: Executor,
  ctx: RequestContext,
  read: () => Promise<T>,
): Promise<T> {
  if (batches.has(ctx)) return read();
  const batch: AccessBatch = { executor, entries: [] };
  batches.set(ctx, batch);
  let result: T;
  try {
    result = await read();
  } catch (error) {
    batches.delete(ctx);
    await insertAccesses(executor, ctx, batch.entries);
    throw error;
  }
  batches.delete(ctx);
  await insertAccesses(executor, ctx, batch.entries);
  return result;
}

/**
 * For a read that records its accesses in its own statement (the patient page): the insert of the
 * source's rows (patient_id, record_type, record_id, basis) as read accesses of this request, to
 * put in a writable CTE; undefined while the benchmark has the log off. The caller reports how
 * many rows it wrote with countRecordedAccesses.
 */
export function accessLogInsertFor(
  executor: Executor,
  ctx: RequestContext,
): (source: RawBuilder<unknown>) => OperationNodeSource | undefined {
  return (source) =>
    skippedForBenchmark
      ? undefined
      : insertAccessLogFrom(
          executor,
          {
            occurredAt: clock.now(),
            municipalityCode: ctx.actor?.municipalityCode ?? ctx.municipalityCode,
            actorUserId: ctx.actor?.userId ?? null,
            actorLabel: ctx.actor?.email ?? null,
            action: 'read',
            requestId: ctx.requestId,
            clientIp: ctx.clientIp,
          },
          source,
        );
}

/** Counts rows a statement wrote itself (accessLogInsertFor) towards the next seal. */
export function countRecordedAccesses(rows: number): void {
  countTowardsSeal(rows);
}

function countTowardsSeal(rows: number): void {
  if (!sealTrigger) return;
  rowsSinceSeal += rows;
  if (rowsSinceSeal < sealTrigger.everyRows || sealing) return;
  rowsSinceSeal = 0;
  sealing = true;
  const { db, seal } = sealTrigger;
  // In the background: the request that crossed the threshold must not wait for the seal.
  seal(db)
    .catch(() => undefined)
    .finally(() => {
      sealing = false;
    });
}
