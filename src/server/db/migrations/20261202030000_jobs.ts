import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
// The statuses repeat JOB_STATUSES of src/server/platform/jobs/job.table.ts (a unit test compares them).

export async function up(db: Kysely<unknown>): Promise<void> {
  // Durable jobs claimed with FOR UPDATE SKIP LOCKED and a lease (docs/decisions/030-jobs.md).
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$' and length(kind) <= 100),
      payload jsonb not null default '{}'::jsonb,
      run_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null default 10 check (max_attempts between 1 and 100),
      last_error text,
      locked_by text,
      locked_until timestamptz,
      dedupe_key text check (length(dedupe_key) <= 200),
      created_at timestamptz not null default now(),
      done_at timestamptz,
      check ((status = 'pending') = (done_at is null))
    )`.execute(db);
  // One pending job per (kind, key): scheduling the same thing twice is a no-op.
  await sql`
    create unique index jobs_dedupe_pending on jobs (kind, dedupe_key)
    where status = 'pending' and dedupe_key is not null`.execute(db);
  await sql`create index jobs_due on jobs (run_at) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table jobs`.execute(db);
}
