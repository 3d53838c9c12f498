import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuditAction } from '../../../test/support/audit-actions';
import { openTestDatabase } from '../../../test/support/test-db';
import { systemContext } from './context';
import type { DatabaseHandle } from './db/database';
import { runUseCase } from './use-case';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

const action = testAuditAction('test.system_step');
const auditRows = () =>
  handle.db
    .selectFrom('audit_log')
    .select(['actor_label', 'actor_user_id', 'request_id', 'municipality_code'])
    .where('action', '=', action)
    .execute();

describe('runUseCase for work nobody asked for in a request', () => {
  it('refuses a system context unless the use case allows no actor', async () => {
    const ctx = systemContext('test.job', '131105');
    await expect(runUseCase({ db: handle.db }, ctx, async () => 1)).rejects.toMatchObject({
      code: 'auth.required',
    });
  });

  it("names the system in the audit log and joins a job's transaction, committing or rolling back with it", async () => {
    const ctx = systemContext('test.job', '131105');
    await handle.db.transaction().execute(async (trx) => {
      const inner = await runUseCase(
        { db: trx },
        ctx,
        async ({ trx: joined, audit }) => {
          expect(joined).toBe(trx);
          await audit({ action, recordType: 'test' });
          return 'done';
        },
        { requireActor: false },
      );
      expect(inner).toBe('done');
    });
    const rows = await auditRows();
    expect(rows).toEqual([
      {
        actor_label: 'test.job',
        actor_user_id: null,
        request_id: ctx.requestId,
        municipality_code: '131105',
      },
    ]);
    expect(ctx.requestId).toMatch(/^test\.job#[0-9a-f-]{36}$/);

    // The job's transaction fails after the use case: its audit row goes with it.
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await runUseCase({ db: trx }, ctx, ({ audit }) => audit({ action, recordType: 'test' }), {
          requireActor: false,
        });
        throw new Error('the job failed later');
      }),
    ).rejects.toThrow('the job failed later');
    expect(await auditRows()).toHaveLength(1);
  });
});
