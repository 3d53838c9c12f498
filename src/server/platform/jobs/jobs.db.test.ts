import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { type DatabaseHandle, openDatabase } from '../db/database';
import type { JobHandler, ModuleDeps } from '../module';
import { setClockForTests } from '../time/clock';
import { DAILY_KEY, ensureRecurringJobs, runDueJobs } from './job-runner';
import { scheduleJob } from './schedule-job';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await sql`create table job_effects (job_id uuid, n int)`.execute(t.db);
});
afterAll(async () => t.close());
afterEach(async () => {
  setClockForTests();
  await sql`delete from jobs`.execute(t.db);
  await sql`delete from job_effects`.execute(t.db);
});

/** A handler that records each run in the job's own transaction. */
const recording: JobHandler = {
  async run(job) {
    await sql`insert into job_effects values (${job.id}, ${(job.payload as { n: number }).n})`.execute(
      job.trx,
    );
  },
};

const effects = async () =>
  (await sql<{ job_id: string; n: number }>`select job_id, n from job_effects order by n`.execute(t.db)).rows;
const jobRow = (id: string) =>
  t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the job scheduler', () => {
  it('runs a scheduled job once, and its writes commit with "done"', async () => {
    const id = await t.db
      .transaction()
      .execute((trx) => scheduleJob(trx, { kind: 'test.record', payload: { n: 1 } }));
    expect(await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } })).toEqual({
      ran: 1,
      failed: 0,
    });
    expect(await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } })).toEqual({
      ran: 0,
      failed: 0,
    });
    expect(await effects()).toEqual([{ job_id: id, n: 1 }]);
    const row = await jobRow(id);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    expect(row.locked_by).toBeNull();
  });

  it('does not exist when the scheduling transaction rolls back', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await scheduleJob(trx, { kind: 'test.record', payload: { n: 1 } });
        throw new Error('use case failed');
      })
      .catch(() => undefined);
    expect(await t.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('waits for run_at', async () => {
    const now = new Date('2026-12-02T00:00:00Z');
    setClockForTests(() => now);
    await scheduleJob(t.db, {
      kind: 'test.record',
      runAt: new Date('2026-12-02T01:00:00Z'),
      payload: { n: 1 },
    });
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } })).ran).toBe(0);
    setClockForTests(() => new Date('2026-12-02T01:00:00Z'));
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } })).ran).toBe(1);
  });

  it('keeps one pending job per key', async () => {
    const a = await scheduleJob(t.db, { kind: 'test.record', key: 'facility-1', payload: { n: 1 } });
    const b = await scheduleJob(t.db, { kind: 'test.record', key: 'facility-1', payload: { n: 2 } });
    expect(b).toBe(a);
    await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } });
    // Once done, the key is free again.
    const c = await scheduleJob(t.db, { kind: 'test.record', key: 'facility-1', payload: { n: 3 } });
    expect(c).not.toBe(a);
  });

  it('retries a failing job with backoff, rolls back its writes, and gives up after max attempts', async () => {
    let now = new Date('2026-12-02T00:00:00Z');
    setClockForTests(() => now);
    const failing: JobHandler = {
      async run(job) {
        await sql`insert into job_effects values (${job.id}, ${job.attempt})`.execute(job.trx);
        throw new Error('SMTP is down');
      },
    };
    const id = await scheduleJob(t.db, { kind: 'test.fail', maxAttempts: 2 });
    expect(await runDueJobs({ deps: t.deps, handlers: { 'test.fail': failing } })).toEqual({
      ran: 0,
      failed: 1,
    });
    let row = await jobRow(id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP is down',
      locked_by: null,
    });
    expect(new Date(row.run_at).getTime() - now.getTime()).toBe(30_000);
    // Not before the backoff.
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.fail': failing } })).failed).toBe(0);
    now = new Date(now.getTime() + 30_000);
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.fail': failing } })).failed).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row.done_at).not.toBeNull();
    expect(await effects()).toEqual([]);
  });

  it('leaves kinds it has no handler for to a server that knows them', async () => {
    const id = await scheduleJob(t.db, { kind: 'test.unknown' });
    await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } });
    expect((await jobRow(id)).status).toBe('pending');
  });

  it('takes over a job whose runner died once its lease ends, not before', async () => {
    const now = new Date('2026-12-02T00:00:00Z');
    setClockForTests(() => now);
    const id = await scheduleJob(t.db, { kind: 'test.record', payload: { n: 7 }, runAt: now });
    // A runner claimed it and was killed: the claim committed, the run never did.
    await t.db
      .updateTable('jobs')
      .set({ locked_by: 'dead-runner', locked_until: new Date(now.getTime() + 60_000), attempts: 1 })
      .where('id', '=', id)
      .execute();
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } })).ran).toBe(0);
    setClockForTests(() => new Date(now.getTime() + 60_000));
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.record': recording } })).ran).toBe(1);
    expect(await effects()).toEqual([{ job_id: id, n: 7 }]);
    expect((await jobRow(id)).attempts).toBe(2);
  });

  it('keeps one pending occurrence of a daily job and schedules the next when it runs', async () => {
    const now = new Date('2026-12-02T01:00:00Z'); // 10:00 in Tokyo
    setClockForTests(() => now);
    const daily: JobHandler = { ...recording, daily: '09:00' };
    await ensureRecurringJobs(t.db, { 'test.daily': daily });
    await ensureRecurringJobs(t.db, { 'test.daily': daily });
    const pending = await t.db.selectFrom('jobs').selectAll().where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'test.daily', dedupe_key: DAILY_KEY });
    expect(new Date(pending[0]?.run_at as Date).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    await t.db
      .updateTable('jobs')
      .set({ payload: JSON.stringify({ n: 1 }) })
      .execute();
    setClockForTests(() => new Date('2026-12-03T00:00:00Z'));
    expect((await runDueJobs({ deps: t.deps, handlers: { 'test.daily': daily } })).ran).toBe(1);
    const next = await t.db.selectFrom('jobs').selectAll().where('status', '=', 'pending').execute();
    expect(next.map((j) => new Date(j.run_at).toISOString())).toEqual(['2026-12-04T00:00:00.000Z']);
  });
});

describe('two server instances on one database', () => {
  let second: DatabaseHandle | undefined;
  afterAll(async () => second?.close());

  it('run each of many jobs exactly once between them', async () => {
    // On PostgreSQL a second pool is a second server; PGlite has one session, so both runners share it.
    const url = (t.database as DatabaseHandle & { url?: string }).url;
    second =
      t.database.engine === 'postgres' && url
        ? await openDatabase({ DATABASE_URL: url, DATA_DIR: '', DATABASE_POOL_SIZE: 5 })
        : undefined;
    const otherDeps: ModuleDeps = { ...t.deps, db: second?.db ?? t.db };
    const slow: JobHandler = {
      async run(job) {
        await sql`insert into job_effects values (${job.id}, ${(job.payload as { n: number }).n})`.execute(
          job.trx,
        );
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const n = 60;
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) await scheduleJob(trx, { kind: 'test.slow', payload: { n: i } });
    });
    const drain = async (deps: ModuleDeps, workerId: string) => {
      let ran = 0;
      for (;;) {
        const round = await runDueJobs({ deps, handlers: { 'test.slow': slow }, workerId, batchSize: 5 });
        if (round.ran + round.failed === 0) return ran;
        ran += round.ran;
      }
    };
    const [a, b] = await Promise.all([drain(t.deps, 'server-a'), drain(otherDeps, 'server-b')]);
    expect(a + b).toBe(n);
    if (second) expect(Math.min(a, b)).toBeGreaterThan(0);
    const rows = await effects();
    expect(rows.map((r) => r.n)).toEqual([...Array(n).keys()]);
    expect(new Set(rows.map((r) => r.job_id)).size).toBe(n);
  });
});
