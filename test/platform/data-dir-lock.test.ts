import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/server/platform/db/data-dir-lock';
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

/** A lock file as a server writes it, for a pid of the test's choosing. */
function writeLock(dataDir: string, pid: number, since: Date): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'zaitaku.lock'),
    JSON.stringify({ pid, host: hostname(), since: since.toISOString() }),
  );
}

function spawnAndWait(command: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

function procState(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '';
}

describe.runIf(process.platform === 'linux')('who holds a lock left in the data dir', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'zaitaku-lock-holder-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses while the node process that wrote the lock is alive', async () => {
    const holder = await spawnAndWait(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(holder);
    const dir = freshDir();
    writeLock(dir, holder.pid as number, new Date());
    expect(() => acquireDataDirLock(dir)).toThrow(expect.objectContaining({ code: 'database.locked' }));
  });

  it('starts when the holder is a zombie nobody has reaped, as after kill -9 under some parents', async () => {
    // `sleep` becomes the parent of the node child and never waits for it: the child turns zombie.
    const parent = await spawnAndWait('sh', ['-c', `${process.execPath} -e 0 & echo $!; exec sleep 60`]);
    children.push(parent);
    const zombiePid = await new Promise<number>((resolve) =>
      parent.stdout?.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    await expect.poll(() => procState(zombiePid), { timeout: 10_000 }).toBe('Z');
    const dir = freshDir();
    writeLock(dir, zombiePid, new Date(Date.now() - 1_000));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, 'zaitaku.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('starts when the pid now belongs to a process that is not node or zaitaku', async () => {
    const foreign = await spawnAndWait('sleep', ['60']);
    children.push(foreign);
    const dir = freshDir();
    writeLock(dir, foreign.pid as number, new Date());
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, 'zaitaku.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('starts when the pid belongs to a node process started after the lock was written', async () => {
    const later = await spawnAndWait(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(later);
    const dir = freshDir();
    writeLock(dir, later.pid as number, new Date(Date.now() - 60 * 60_000));
    const release = acquireDataDirLock(dir);
    release();
    expect(existsSync(join(dir, 'zaitaku.lock'))).toBe(false);
  });
});
