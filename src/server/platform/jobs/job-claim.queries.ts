import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import './job.table';

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
};

/**
 * Claims up to `limit` due jobs of the given kinds for `workerId` until the lease ends, oldest
 * first. FOR UPDATE SKIP LOCKED: two workers never claim the same job.
 */
export async function claimDueJobs(
  db: Kysely<Database>,
  input: { kinds: string[]; workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  if (input.kinds.length === 0) return [];
  return db
    .updateTable('jobs')
    .set((eb) => ({
      locked_by: input.workerId,
      locked_until: new Date(input.now.getTime() + input.leaseMs),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('run_at', '<=', input.now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', input.now)]))
        .where('kind', 'in', input.kinds)
        .orderBy('run_at')
        .orderBy('id')
        .limit(input.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .execute();
}
