import type { Transaction } from 'kysely';
import type { ErrorCode } from '../../contracts/error-codes';
import { type AuditEntry, writeAudit } from './audit/audit.service';
import type { Actor, RequestContext } from './context';
import type { Database } from './db/schema';
import { AppError, isForeignKeyViolation, isUniqueViolation } from './errors';
import type { ModuleDeps } from './module';
import { clock } from './time/clock';

/** What a use case works with: its transaction, who asked, one clock reading, and its audit writer. */
export type UseCase<A extends Actor | undefined = Actor> = {
  trx: Transaction<Database>;
  ctx: RequestContext;
  actor: A;
  /** One reading of the clock for the whole use case: every row it writes carries the same time. */
  now: Date;
  /** Appends an audit row in this transaction (the chain and the change commit together). */
  audit(entry: AuditEntry): Promise<void>;
};

export type UseCaseOptions = {
  /** `false` for the few use cases a member of the public may run (an error report). */
  requireActor?: boolean;
  /** Unique constraints this use case may hit, and the 409 code each means. */
  uniqueViolations?: Record<string, ErrorCode>;
  /** Foreign keys that carry a rule of the domain (a link across tenants), and the code each means. */
  foreignKeyViolations?: Record<string, ErrorCode>;
  /** Serializable isolation, for checks that read several rows before writing (retried once). */
  serializable?: boolean;
};

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';

/**
 * The one way a workflow step runs (docs/architecture.md): one transaction, the actor resolved
 * (auth.required when there is none), one clock reading and an audit writer bound to the request;
 * a unique violation becomes the use case's domain 409 (or `conflict`), a serialisation failure or a
 * deadlock is retried once and then answered `conflict`. Never a 500 for a race. Given a transaction
 * as `deps.db` (a job's `{ db: job.trx }`), it runs in that one instead of opening its own.
 */
export async function runUseCase<T>(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  step: (uc: UseCase) => Promise<T>,
  options?: UseCaseOptions & { requireActor?: true },
): Promise<T>;
export async function runUseCase<T>(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  step: (uc: UseCase<Actor | undefined>) => Promise<T>,
  options: UseCaseOptions & { requireActor: false },
): Promise<T>;
export async function runUseCase<T>(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  step: (uc: UseCase<never>) => Promise<T>,
  options: UseCaseOptions = {},
): Promise<T> {
  const actor = ctx.actor;
  if (options.requireActor !== false && !actor) throw new AppError('auth.required');
  const run = (trx: Transaction<Database>) =>
    step({
      trx,
      ctx,
      actor: actor as never,
      now: clock.now(),
      audit: (entry) => writeAudit(trx, ctx, entry),
    });
  // A job's handler already holds the transaction its completion commits in: the use case joins it
  // (what it writes commits once, with "done"), and the job runner, its owner, retries it.
  if (deps.db.isTransaction) {
    try {
      return await run(deps.db as Transaction<Database>);
    } catch (error) {
      throw toDomainError(error, options);
    }
  }
  const attempt = () => {
    let tx = deps.db.transaction();
    if (options.serializable) tx = tx.setIsolationLevel('serializable');
    return tx.execute(run);
  };
  try {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      return await attempt();
    }
  } catch (error) {
    throw toDomainError(error, options);
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === SERIALIZATION_FAILURE || code === DEADLOCK;
}

function toDomainError(error: unknown, options: UseCaseOptions): unknown {
  if (error instanceof AppError) return error;
  if (isUniqueViolation(error)) {
    for (const [constraint, code] of Object.entries(options.uniqueViolations ?? {})) {
      if (isUniqueViolation(error, constraint)) return new AppError(code);
    }
    return new AppError('conflict');
  }
  for (const [constraint, code] of Object.entries(options.foreignKeyViolations ?? {})) {
    if (isForeignKeyViolation(error, constraint)) return new AppError(code);
  }
  if (isRetryable(error)) return new AppError('conflict');
  return error;
}
