import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { JobHandler, ModuleDeps } from '../module';
import { clock } from '../time/clock';
import { type ClaimedJob, claimDueJobs } from './job-claim.queries';
import { nextDailyRun, retryDelayMs } from './job-timing';
import { scheduleJob } from './schedule-job';
import './job.table';

/** The key of a recurring job's one pending occurrence. */
export const DAILY_KEY = 'daily';

export type JobRunnerOptions = {
  deps: ModuleDeps;
  handlers: Record<string, JobHandler>;
  /** Names this runner in `locked_by` (default `host:pid:random`). */
  workerId?: string;
  /** How long a claim holds before another runner may take the job over (its holder died). */
  leaseMs?: number;
  /** Jobs claimed per round. */
  batchSize?: number;
  log?: (message: string, error?: unknown) => void;
};

class LeaseLost extends Error {}

/**
 * Claims the due jobs of the known kinds, runs each once, marks it done or reschedules it with
 * backoff. Returns how many ran and how many failed (tests call it directly; the server polls it).
 *
 * Exactly once: the claim commits `locked_by` and a lease first (FOR UPDATE SKIP LOCKED, so two
 * runners never claim the same row). The handler then runs in a transaction that locks the job row
 * (a second runner skips it even after the lease ran out) and commits "done" with the handler's
 * writes. A runner killed mid-job rolls back, and the job is claimed again when its lease ends.
 */
export async function runDueJobs(options: JobRunnerOptions): Promise<{ ran: number; failed: number }> {
  const { deps, handlers } = options;
  const db = deps.db;
  const workerId = options.workerId ?? defaultWorkerId();
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return { ran: 0, failed: 0 };
  const now = clock.now();
  const claimed = await claimDueJobs(db, {
    kinds,
    workerId,
    now,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    limit: options.batchSize ?? 10,
  });
  let ran = 0;
  let failed = 0;
  for (const job of claimed) {
    const handler = handlers[job.kind] as JobHandler;
    try {
      await runOne(db, deps, handler, job, workerId);
      ran++;
    } catch (error) {
      if (error instanceof LeaseLost) continue;
      failed++;
      options.log?.(`job ${job.kind} ${job.id} failed (attempt ${job.attempts})`, error);
      await recordFailure(db, handler, job, workerId, error);
    }
  }
  return { ran, failed };
}

async function runOne(
  db: Kysely<Database>,
  deps: ModuleDeps,
  handler: JobHandler,
  job: ClaimedJob,
  workerId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('jobs')
      .select('id')
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (!held) throw new LeaseLost();
    const now = clock.now();
    await handler.run(
      { id: job.id, kind: job.kind, payload: job.payload, attempt: job.attempts, trx, now },
      deps,
    );
    await trx
      .updateTable('jobs')
      .set({ status: 'done', done_at: now, locked_by: null, locked_until: null, last_error: null })
      .where('id', '=', job.id)
      .execute();
    if (handler.daily) {
      await scheduleJob(trx, { kind: job.kind, runAt: nextDailyRun(now, handler.daily), key: DAILY_KEY });
    }
  });
}

async function recordFailure(
  db: Kysely<Database>,
  handler: JobHandler,
  job: ClaimedJob,
  workerId: string,
  error: unknown,
): Promise<void> {
  const now = clock.now();
  const givenUp = job.attempts >= job.max_attempts;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: givenUp ? 'failed' : 'pending',
        done_at: givenUp ? now : null,
        run_at: new Date(now.getTime() + retryDelayMs(job.attempts)),
        locked_by: null,
        locked_until: null,
        last_error: String((error as Error)?.message ?? error).slice(0, 1000),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    // A recurring job that gave up must not stop recurring.
    if (givenUp && handler.daily && Number(updated.numUpdatedRows) === 1) {
      await scheduleJob(trx, { kind: job.kind, runAt: nextDailyRun(now, handler.daily), key: DAILY_KEY });
    }
  });
}

/** Makes sure every recurring kind has its one pending occurrence (idempotent across instances). */
export async function ensureRecurringJobs(db: Kysely<Database>, handlers: Record<string, JobHandler>) {
  const now = clock.now();
  for (const [kind, handler] of Object.entries(handlers)) {
    if (!handler.daily) continue;
    await scheduleJob(db, {
      kind,
      runAt: nextDailyRun(now, handler.daily),
      key: DAILY_KEY,
      maxAttempts: handler.maxAttempts,
    });
  }
}

function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Polls for due jobs while the server runs; `kick()` after scheduling something urgent (a notice)
 * saves the wait. `stop()` waits for the round in progress, so close() never cuts a job in half.
 */
export function startJobRunner(options: JobRunnerOptions & { pollMs?: number }): {
  stop(): Promise<void>;
  kick(): void;
} {
  const workerId = options.workerId ?? defaultWorkerId();
  let stopped = false;
  let round: Promise<void> | undefined;
  let again = false;
  const tick = () => {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    round = (async () => {
      try {
        do {
          again = false;
          const { ran, failed } = await runDueJobs({ ...options, workerId });
          // A full batch means more may be due: go on without waiting for the timer.
          if (ran + failed >= (options.batchSize ?? 10)) again = true;
        } while (again && !stopped);
      } catch (error) {
        options.log?.('job runner round failed', error);
      } finally {
        round = undefined;
      }
    })();
  };
  const starting = ensureRecurringJobs(options.deps.db, options.handlers)
    .catch((error) => options.log?.('scheduling recurring jobs failed', error))
    .then(tick);
  let timer: NodeJS.Timeout | undefined = setInterval(tick, options.pollMs ?? 2_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await starting;
      await round;
    },
    kick: tick,
  };
}

/** All handlers of the platform and the modules, by kind; a kind declared twice is a startup error. */
export function collectJobHandlers(
  ...sources: Array<Record<string, JobHandler> | undefined>
): Record<string, JobHandler> {
  const all: Record<string, JobHandler> = {};
  for (const source of sources) {
    for (const [kind, handler] of Object.entries(source ?? {})) {
      if (all[kind]) throw new Error(`job kind ${kind} is declared twice`);
      all[kind] = handler;
    }
  }
  return all;
}
