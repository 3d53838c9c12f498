import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from './config';
import type { Engine } from './db/database';
import type { Database } from './db/schema';

/** What every module gets from the platform. */
export type ModuleDeps = {
  db: Kysely<Database>;
  config: Config;
  engine: Engine;
  /** Asks the mail worker to look at the outbox now (after a use case enqueued mail). */
  kickMail(): void;
};

/** A domain module: its routes and, optionally, its part of the demo data. */
export type ServerModule = {
  name: string;
  /**
   * Hooks that must be in place before ANY module's routes are added (the accounts module resolves
   * the session into `request.ctx.actor` here). Runs for every module before any `register`.
   */
  prepare?(app: FastifyInstance, deps: ModuleDeps): Promise<void>;
  register(app: FastifyInstance, deps: ModuleDeps): Promise<void>;
  /** Adds this module's demo data for a municipality; runs in module order on first start. */
  seedDemo?(deps: ModuleDeps, municipalityCode: string, log: (line: string) => void): Promise<void>;
  /**
   * Background jobs this module runs, by kind (`<module>.<what>`); `scheduleJob(trx, { kind })`
   * queues one. The platform's runner (started by startServer) claims, leases, retries them.
   */
  jobs?: Record<string, JobHandler>;
};

/** One claimed job, as its handler sees it. */
export type JobRun = {
  id: string;
  kind: string;
  payload: unknown;
  /** 1 on the first run; a handler may log or give up differently on later ones. */
  attempt: number;
  /**
   * The transaction the job's completion commits in: what the handler writes here commits exactly
   * once, together with "done" (a handler whose lease was lost meanwhile is rolled back).
   */
  trx: Transaction<Database>;
  /** One clock reading for the run. */
  now: Date;
};

/** What a module declares for one job kind. A throw retries it with backoff (30 s, 1 min, … 1 h). */
export type JobHandler = {
  run(job: JobRun, deps: ModuleDeps): Promise<void>;
  /**
   * A recurring job: the runner keeps exactly one pending occurrence, due every day at this
   * Asia/Tokyo time ('HH:MM'), and schedules the next one when it completes.
   */
  daily?: string;
  /** Claims before giving up (default 10). */
  maxAttempts?: number;
};
