import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL 15 cluster for one test run: initdb + pg_ctl on a free loopback port in
 * a temp dir, removed at the end. initdb refuses to run as root, so as root it runs as `postgres`.
 */
export type Cluster = { url: string; stop(): void };

function findBinary(name: string): string {
  const candidates = [
    ...(process.env.PATH ?? '').split(':').map((dir) => join(dir, name)),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => join('/usr/lib/postgresql', v, 'bin', name))
      : []),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `${name} (PostgreSQL 15) が見つかりません。'apt-get install -y postgresql-15' でインストールしてください / ${name} not found: run 'apt-get install -y postgresql-15'`,
    );
  }
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(): Promise<Cluster> {
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'zaitaku-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const asOwner = (bin: string, args: string[]) => {
    const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
    }
  };
  asOwner(findBinary('initdb'), [
    '-D',
    data,
    '--locale=C.UTF-8',
    '-E',
    'UTF8',
    '-A',
    'trust',
    '-U',
    'postgres',
  ]);
  asOwner(findBinary('pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner(findBinary('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export function dropClusterDirOnExit(cluster: Cluster): void {
  process.once('exit', () => {
    try {
      cluster.stop();
    } catch {
      // best effort: the temp dir is removed by the OS later
    }
  });
}

export function psqlAvailable(): boolean {
  try {
    execFileSync('psql', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs one statement as the server's superuser on a connection of its own (create/drop database). */
export async function adminQuery<R = Record<string, unknown>>(
  serverUrl: string,
  statement: string,
): Promise<R[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(statement)).rows as R[];
  } finally {
    await client.end();
  }
}
