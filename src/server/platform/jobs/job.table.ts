import type { ColumnType, Generated } from 'kysely';

/** pending: waits for run_at (or for its lease to end); done: ran once; failed: gave up after max_attempts. */
export const JOB_STATUSES = ['pending', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A durable unit of background work (docs/decisions/030-jobs.md). */
export interface JobTable {
  id: Generated<string>;
  /** The handler that runs it: `inbox.fan_out`, `directory.remind`, … (a module's `jobs` key). */
  kind: string;
  /** The handler's input, JSON; never clinical text (job rows are operational, not records). */
  payload: ColumnType<unknown, string | undefined, string>;
  /** Not before this instant; a retry moves it on by the backoff. */
  run_at: Timestamp;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  /** Claims so far, the running one included. */
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  /** The runner holding the lease (`host:pid:random`), for the log and the lease check on finish. */
  locked_by: string | null;
  /** The lease: another runner may claim the job only after this instant (its holder died). */
  locked_until: Timestamp | null;
  /** Unique among pending jobs of a kind: scheduling the same key twice keeps one job. */
  dedupe_key: string | null;
  created_at: Generated<Date>;
  done_at: Timestamp | null;
}

declare module '../db/schema' {
  interface Database {
    jobs: JobTable;
  }
}
