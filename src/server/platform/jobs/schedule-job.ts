import type { Executor } from '../db/schema';
import { clock } from '../time/clock';
import './job.table';

export type JobRequest = {
  /** The handler's name, declared by a module's `jobs` (or the platform's own). */
  kind: string;
  /** Not before this instant (default: the clock's now). */
  runAt?: Date;
  /** JSON input of the handler. */
  payload?: unknown;
  /** At most one pending job per (kind, key): a second schedule with the same key is a no-op. */
  key?: string;
  /** Claims before the job is given up as failed (default 10). */
  maxAttempts?: number;
};

/**
 * Schedules a job in the caller's transaction: it exists only if the use case commits, and runs
 * once on whichever server instance claims it first. Returns the job's id, or the id of the pending
 * job that already had this key.
 */
export async function scheduleJob(executor: Executor, job: JobRequest): Promise<string> {
  const inserted = await executor
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt ?? clock.now(),
      max_attempts: job.maxAttempts,
      dedupe_key: job.key ?? null,
      last_error: null,
      locked_by: null,
      locked_until: null,
      done_at: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'dedupe_key'])
        .where('status', '=', 'pending')
        .where('dedupe_key', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await executor
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', job.kind)
    .where('dedupe_key', '=', job.key ?? '')
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return existing.id;
}
