import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/platform/db/database';
import { migrateToLatest } from '../../src/server/platform/db/migrate';
import { type Cluster, startCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    pgliteTemplate: string;
    pgServerUrl: string;
  }
}

/**
 * Migrates once per run: a PGlite data dir dumped to a file (each test file loads a copy), or a
 * template database on a throwaway PostgreSQL 15 cluster (each test file gets its own database).
 */
export default async function setup(project: TestProject) {
  const engine = (project.config.env?.ZAITAKU_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';
  project.provide('engine', engine);
  if (engine === 'pglite') {
    const dir = join(process.cwd(), '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `pglite-template-${process.pid}.tar`);
    const handle = await openDatabase({ DATA_DIR: '', DATABASE_POOL_SIZE: 1 }, { memory: true });
    await migrateToLatest(handle.db as never);
    const blob = await handle.pglite!.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    await handle.close();
    project.provide('pgliteTemplate', file);
    project.provide('pgServerUrl', '');
    return;
  }
  let cluster: Cluster | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    cluster = await startCluster();
    serverUrl = cluster.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists zaitaku_template');
  await admin.query(
    "create database zaitaku_template template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C'",
  );
  await admin.end();
  const templateUrl = withDatabase(serverUrl, 'zaitaku_template');
  const handle = await openDatabase({ DATABASE_URL: templateUrl, DATA_DIR: '', DATABASE_POOL_SIZE: 1 });
  await migrateToLatest(handle.db as never);
  await handle.close();
  project.provide('pgServerUrl', serverUrl);
  project.provide('pgliteTemplate', '');
  return () => cluster?.stop();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
