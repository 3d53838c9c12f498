import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/platform/audit/audit.service';
import { testAuditAction } from '../support/audit-actions';
import { runCli, startServe } from './support/cli';
import { createInstallation, type Installation } from './support/installation';

describe('the zaitaku command line', { timeout: 120_000 }, () => {
  let first: Installation;
  let second: Installation;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zaitaku-cli-'));
    [first, second] = await Promise.all([createInstallation(), createInstallation()]);
  });
  afterAll(async () => {
    await Promise.all([first?.remove(), second?.remove()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const auditActors = async (installation: Installation, action: 'backup.create' | 'backup.restore') => {
    const handle = await installation.open();
    try {
      return await handle.db
        .selectFrom('audit_log')
        .select(['actor_user_id', 'actor_label', 'municipality_code'])
        .where('action', '=', action)
        .execute();
    } finally {
      await handle.close();
    }
  };

  it('shuts the server down on SIGTERM, closing the database so its data reopens', async () => {
    const server = await startServe({ ...first.env, SEED_DEMO: 'auto' });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('shutting down');
    if (first.env.DATA_DIR) expect(existsSync(join(first.env.DATA_DIR, 'zaitaku.lock'))).toBe(false);
    // The demo seeded by the server is still there for the next process.
    const seed = await runCli(['seed'], first.env);
    expect(seed.status).toBe(0);
    expect(seed.stdout).toContain('already seeded');
  });

  it('verifies a clean audit chain with exit status 0', async () => {
    const handle = await first.open();
    try {
      for (const n of [1, 2, 3]) {
        await writeAudit(handle.db, undefined, {
          action: testAuditAction('test.cli'),
          recordId: String(n),
          municipalityCode: null,
        });
      }
    } finally {
      await handle.close();
    }
    const result = await runCli(['audit', 'verify'], first.env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/audit log intact \(\d+ rows\)/);
  });

  it('writes a backup and restores it into an empty installation', async () => {
    const file = join(dir, 'first.jsonl.gz');
    const backup = await runCli(['backup', '--out', file], first.env);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('backup written');
    expect(existsSync(file)).toBe(true);

    const again = await runCli(['backup', '--out', file], first.env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists');

    const restore = await runCli(['restore', '--in', file], second.env);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('restored');
    const verify = await runCli(['audit', 'verify'], second.env);
    expect(verify.status).toBe(0);
    const seed = await runCli(['seed'], second.env);
    expect(seed.stdout).toContain('already seeded');
    // The audit log names each command, installation-wide, and no user.
    expect(await auditActors(first, 'backup.create')).toEqual([
      { actor_user_id: null, actor_label: 'zaitaku backup', municipality_code: null },
    ]);
    expect(await auditActors(second, 'backup.restore')).toEqual([
      { actor_user_id: null, actor_label: 'zaitaku restore', municipality_code: null },
    ]);
  });

  it('refuses to restore over data without --force, in Japanese and English, and replaces it with --force', async () => {
    const file = join(dir, 'first.jsonl.gz');
    const refused = await runCli(['restore', '--in', file], second.env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('復元先のデータベースにはすでにデータがあります');
    expect(refused.stderr).toContain('The target database already holds data');
    expect(refused.stderr).toContain('[backup.target_not_empty]');

    const forced = await runCli(['restore', '--in', file, '--force'], second.env);
    expect(forced.status).toBe(0);
    expect((await runCli(['audit', 'verify'], second.env)).status).toBe(0);
  });

  it('answers a missing file and a missing option clearly', async () => {
    const missing = await runCli(['restore', '--in', join(dir, 'nope.jsonl.gz')], second.env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('not found');
    const usage = await runCli(['backup'], second.env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('zaitaku backup --out FILE');
  });

  it('anchors the chain head and detects the newest rows deleted against that anchor', async () => {
    const anchorFile = join(dir, 'head.anchor.json');
    const anchored = await runCli(['audit', 'anchor', '--out', anchorFile], first.env);
    expect(anchored.status).toBe(0);
    expect(anchored.stdout).toContain('anchor written');
    expect((await runCli(['audit', 'verify', '--anchor', anchorFile], first.env)).status).toBe(0);
    const handle = await first.open();
    try {
      // The owner removes the newest rows behind the trigger; the shorter chain is consistent.
      await sql`alter table audit_log disable trigger user`.execute(handle.db);
      await sql`delete from audit_log where id > (select max(id) - 2 from audit_log)`.execute(handle.db);
      await sql`alter table audit_log enable trigger user`.execute(handle.db);
    } finally {
      await handle.close();
    }
    expect((await runCli(['audit', 'verify'], first.env)).status).toBe(0);
    const checked = await runCli(['audit', 'verify', '--anchor', anchorFile], first.env);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('does not match the anchor');
  });

  it('detects a tampered audit row with exit status 1 naming the row', async () => {
    const handle = await first.open();
    let tampered: number;
    try {
      // Someone with owner rights edits a row behind the append-only trigger.
      const { rows } = await sql<{ id: number }>`select min(id)::int as id from audit_log`.execute(handle.db);
      tampered = rows[0]!.id;
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(handle.db);
      await sql`update audit_log set action = 'test.forged' where id = ${tampered}`.execute(handle.db);
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(handle.db);
    } finally {
      await handle.close();
    }
    const result = await runCli(['audit', 'verify'], first.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`audit log tampered at id ${tampered}`);
  });
});
