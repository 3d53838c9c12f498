import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, writeAudit } from '../../src/server/platform/audit/audit.service';
import { auditKeyFromSecret, installAuditKey } from '../../src/server/platform/audit/audit-key';
import { type DatabaseHandle, openDatabase } from '../../src/server/platform/db/database';
import { migrateToLatest } from '../../src/server/platform/db/migrate';
import { testAuditAction } from '../support/audit-actions';
import { adminQuery, type Cluster, startCluster } from '../support/pg-cluster';
import { runCli } from './support/cli';

/**
 * PostgreSQL with an owner role and a runtime role (docs/security.md): the owner migrates and
 * runs `zaitaku db grant-runtime`; the server's role may only read and append the audit log.
 * Needs roles on a server of its own, so this file runs once (not per engine project).
 */
const AUDIT_HMAC_KEY = 'postgres-roles-audit-key-0123456789abcdef';

describe('separate owner and runtime roles on PostgreSQL', { timeout: 120_000 }, () => {
  let cluster: Cluster | undefined;
  let owner: DatabaseHandle;
  let runtime: DatabaseHandle;
  let ownerUrl: string;

  beforeAll(async () => {
    installAuditKey(auditKeyFromSecret(AUDIT_HMAC_KEY, 'env'));
    cluster = await startCluster();
    await adminQuery(cluster.url, 'create role zaitaku_owner login');
    await adminQuery(cluster.url, 'create role zaitaku_runtime login');
    await adminQuery(
      cluster.url,
      "create database zaitaku owner zaitaku_owner template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C'",
    );
    const url = (user: string) =>
      Object.assign(new URL(cluster!.url), { username: user, pathname: '/zaitaku' }).toString();
    ownerUrl = url('zaitaku_owner');
    owner = await openDatabase({ DATABASE_URL: ownerUrl, DATA_DIR: '', DATABASE_POOL_SIZE: 2 });
    await migrateToLatest(owner.db as never);
    runtime = await openDatabase({
      DATABASE_URL: url('zaitaku_runtime'),
      DATA_DIR: '',
      DATABASE_POOL_SIZE: 2,
    });
  });
  afterAll(async () => {
    await owner?.close();
    await runtime?.close();
    cluster?.stop();
  });

  it('grants the runtime role through the CLI, run as the owner', async () => {
    const result = await runCli(['db', 'grant-runtime', 'zaitaku_runtime'], {
      DATABASE_URL: ownerUrl,
      AUDIT_HMAC_KEY,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('granted');
  });

  it('lets the runtime role append to and read the audit log, and use ordinary tables', async () => {
    await writeAudit(runtime.db, undefined, {
      action: testAuditAction('test.runtime'),
      municipalityCode: null,
    });
    await writeAudit(runtime.db, undefined, {
      action: testAuditAction('test.runtime'),
      municipalityCode: null,
    });
    expect(await verifyAuditChain({ db: runtime.db })).toMatchObject({ ok: true });
    await sql`insert into municipalities (code, name, prefecture) values ('131105', '目黒区', '東京都')`.execute(
      runtime.db,
    );
    await sql`update municipalities set name = '目黒区' where code = '131105'`.execute(runtime.db);
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'forged'`, /permission denied/],
    ['DELETE', sql`delete from audit_log`, /permission denied/],
    ['TRUNCATE', sql`truncate audit_log`, /permission denied/],
    ['ALTER', sql`alter table audit_log add column note text`, /must be owner/],
    ['DISABLE TRIGGER', sql`alter table audit_log disable trigger audit_log_no_change`, /must be owner/],
    ['DROP', sql`drop table audit_log`, /must be owner/],
  ])(
    'refuses %s on audit_log to the runtime role by privilege, not only by trigger',
    async (_, statement, error) => {
      await expect(statement.execute(runtime.db)).rejects.toThrow(error);
    },
  );

  it('still lets the owner see every row the runtime role wrote', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(owner.db);
    expect(rows[0]?.n).toBe(2);
  });
});
