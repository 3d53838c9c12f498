import type { DatabaseHandle } from '../src/server/platform/db/database';
import type { LoadFigures, LoadOptions } from './load';

export type Engine = 'pglite' | 'postgres';

/** A running Zaitaku on 127.0.0.1 with a fresh database, for one measurement. */
export type BenchServer = {
  engine: Engine;
  /** http://127.0.0.1:PORT */
  url: string;
  /** The server's own database handle, for scenarios that load data in bulk before measuring. */
  database: DatabaseHandle;
  /** DATA_DIR or DATABASE_URL of the server's database, for a second process to open it. */
  databaseEnv: Record<string, string>;
  /** Closes the server but keeps its database (until stop), so another process can open it. */
  closeKeepingData(): Promise<void>;
  stop(): Promise<void>;
};

export type BenchSettings = {
  runs: number;
  durationSeconds: number;
  connections: number;
  engines: Engine[];
  /** `--scale F` (0 < F ≤ 1): scenarios with a data size of their own seed F of it (default 1). */
  scale: number;
};

/** What a scenario gets from the harness (bench/run.ts). */
export type BenchContext = {
  settings: BenchSettings;
  /**
   * Starts the real server in this process on a fresh database of the engine (a temp PGlite data
   * dir, or a new database on a throwaway PostgreSQL 15 cluster), with `env` over the defaults.
   */
  startServer(engine: Engine, env?: Record<string, string>): Promise<BenchServer>;
  /** One autocannon run in a worker thread; loopback only. */
  load(options: LoadOptions): Promise<LoadFigures>;
  /** Progress for the operator (stderr); stdout carries only the JSON result. */
  log(line: string): void;
};

/**
 * A benchmark scenario: `bench/scenarios/<name>.ts` exports `scenario`. Its figures land in the
 * report under `issues["<issue>"]["<name>"]`. Issue 3's search and issue 4's import add files here.
 */
export type BenchScenario = {
  issue: number;
  name: string;
  summary: string;
  run(ctx: BenchContext): Promise<Record<string, unknown>>;
};
