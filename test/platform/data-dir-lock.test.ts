import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli, type ServeProcess, startServe } from './support/cli';

/**
 * PGlite is one process: these tests start real `zaitaku serve` processes on a PGlite data dir,
 * so they run once (the lock does not exist on the PostgreSQL engine).
 */
describe('the PGlite data dir lock between processes', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zaitaku-lock-'));
  const env = { DATA_DIR: dataDir };
  let server: ServeProcess | undefined;

  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null)
      await server.stop('SIGKILL');
    server = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes a second process on the same DATA_DIR fail fast with a message naming the holder', async () => {
    server = await startServe(env);
    const lock = JSON.parse(readFileSync(join(dataDir, 'zaitaku.lock'), 'utf8'));
    expect(lock.pid).toBe(server.child.pid);

    const started = Date.now();
    const second = await runCli(['migrate'], env);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('database.locked');
    expect(second.stderr).toContain(`別のプロセス (pid ${server.child.pid}) が使用中です`);
    // The first server is unharmed.
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('lets the next start take over the lock a killed server left behind', async () => {
    server = await startServe(env);
    const killedPid = server.child.pid;
    expect(await server.stop('SIGKILL')).toBe('SIGKILL');
    // The crash left its lock file; the next server must not be blocked by it.
    expect(JSON.parse(readFileSync(join(dataDir, 'zaitaku.lock'), 'utf8')).pid).toBe(killedPid);

    server = await startServe(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, 'zaitaku.lock'), 'utf8')).pid).toBe(server.child.pid);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, 'zaitaku.lock'))).toBe(false);
  });
});
