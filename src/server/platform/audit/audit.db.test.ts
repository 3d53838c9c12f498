import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuditAction } from '../../../../test/support/audit-actions';
import { openTestDatabase } from '../../../../test/support/test-db';
import type { DatabaseHandle } from '../db/database';
import { verifyAuditChain, writeAudit } from './audit.service';

describe('audit log', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  const ctx = { requestId: 'req-1', clientIp: '127.0.0.1', municipalityCode: '131105' };

  it('chains every row to the one before it and verifies clean', async () => {
    for (let i = 0; i < 5; i++) {
      await writeAudit(handle.db, ctx, {
        action: testAuditAction('test.event'),
        recordType: 'thing',
        recordId: String(i),
        details: { b: 1, a: [i] },
      });
    }
    const result = await verifyAuditChain({ db: handle.db });
    expect(result).toMatchObject({ ok: true, checked: 5, legacyRows: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('detects a row altered behind the triggers', async () => {
    // An attacker with owner rights disables the trigger; the chain still reveals the change.
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(handle.db);
    await sql`update audit_log set record_id = 'forged' where id = (select min(id) + 2 from audit_log)`.execute(
      handle.db,
    );
    await sql`alter table audit_log enable trigger audit_log_no_change`.execute(handle.db);
    const result = await verifyAuditChain({ db: handle.db });
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('hash');
    expect(result.checked).toBe(2);
  });
});
