import { describe, expect, it } from 'vitest';
import {
  areaOf,
  dbFirstExports,
  executorDefinitions,
  inSkeleton,
  roleOf,
  transactionCalls,
  writeAuditCalls,
} from '../../scripts/arch-counts';

describe('scripts/arch-counts.ts, the counting functions', () => {
  it('gives a file the skeleton role its name ends in, and none to a helper', () => {
    expect(roleOf('src/server/modules/directory/index.ts')).toBe('index');
    expect(roleOf('src/server/modules/directory/public.routes.ts')).toBe('routes');
    expect(roleOf('src/server/modules/directory/stats.service.ts')).toBe('service');
    expect(roleOf('src/server/modules/directory/stats.queries.ts')).toBe('queries');
    expect(roleOf('src/server/modules/directory/stats.table.ts')).toBe('table');
    expect(roleOf('src/server/modules/directory/change-request-status.ts')).toBe('workflow');
    expect(roleOf('src/server/modules/directory/directory.policy.ts')).toBe('policy');
    expect(roleOf('src/server/modules/directory/facility.presenter.ts')).toBe('presenter');
    expect(roleOf('src/server/modules/directory/stats-export.ts')).toBeUndefined();
    expect(roleOf('src/server/modules/directory/directory.jobs.ts')).toBe('jobs');
    expect(roleOf('src/server/modules/directory/directory.commands.ts')).toBe('commands');
    expect(roleOf('src/server/modules/discharge/demo.seed.ts')).toBe('demo');
    expect(roleOf('src/server/modules/discharge/notice-progress.ts')).toBeUndefined();
    // `…index.ts` is not index.ts, and `status.ts` without the hyphen is no workflow.
    expect(roleOf('src/server/modules/x/reindex.ts')).toBeUndefined();
    expect(roleOf('src/server/modules/x/status.ts')).toBeUndefined();
  });

  it('holds the server and the CLI to the skeleton, not the contracts, the web or migrations', () => {
    expect(inSkeleton('src/server/platform/use-case.ts')).toBe(true);
    expect(inSkeleton('src/cli/main.ts')).toBe(true);
    expect(inSkeleton('src/contracts/directory.ts')).toBe(false);
    expect(inSkeleton('src/web/app/app.tsx')).toBe(false);
    expect(inSkeleton('src/server/db/migrations/20261124020000_directory.ts')).toBe(false);
    expect(inSkeleton('src/server/modules/directory/data/README.md')).toBe(false);
  });

  it('reports a file under its module, or else its top folders', () => {
    expect(areaOf('src/server/modules/opendata/parse/csv-splitter.ts')).toBe('src/server/modules/opendata');
    expect(areaOf('src/server/modules/registry.ts')).toBe('src/server/modules');
    expect(areaOf('src/server/platform/db/copy.ts')).toBe('src/server/platform');
    expect(areaOf('src/cli/main.ts')).toBe('src/cli');
  });

  it('counts `type Executor` definitions, exported or not, and nothing else named Executor', () => {
    const source = [
      "import type { Executor as E } from './schema';",
      'export type Executor = Kysely<Database> | Transaction<Database>;',
      'type Executor2 = E;',
      'function f() { type Executor = unknown; }',
      'const Executor = 1;',
    ].join('\n');
    expect(executorDefinitions(source)).toBe(2);
  });

  it('counts `.transaction()` calls, not other calls or a property read', () => {
    const source = [
      'await db.transaction().execute(async (trx) => {});',
      'await this.db.transaction().setIsolationLevel("serializable").execute(run);',
      'const t = db.transaction;',
      'transaction();',
      'db.transaction(options);',
    ].join('\n');
    expect(transactionCalls(source)).toBe(2);
  });

  it('counts writeAudit calls, direct or through an object, not its definition or a mention', () => {
    const source = [
      'export async function writeAudit(executor, ctx, entry) {}',
      'await writeAudit(trx, ctx, { action: "x" });',
      'await audit.writeAudit(trx, ctx, entry);',
      'const f = writeAudit;',
      '// writeAudit(trx)',
    ].join('\n');
    expect(writeAuditCalls(source)).toBe(2);
  });

  it('finds exported service functions that take the database or a transaction before deps', () => {
    const source = [
      'type Trx = Transaction<Database>;',
      'export async function a(db: Kysely<Database>, code: string) {}',
      'export async function b(trx: Trx, id: string) {}',
      'export function c(executor: Executor) {}',
      'export const d = async (database: Kysely<Database>) => {};',
      'export async function ok(deps: Deps, ctx: RequestContext, input: Input) {}',
      'export function pure(now: Date) {}',
      'async function hidden(db: Kysely<Database>) {}',
      'export function typedOnly(handle: Transaction<Database>) {}',
      // The platform's shapes: a default after the database, a generic, a parameter list over lines.
      'export async function verify(db: Kysely<Database>, key: Key = currentKey()) {}',
      'export function generic<T>(db: Kysely<Database>, rows: T[]) {}',
      'export async function multiline(\n  db: Kysely<Database>,\n  transport: Transporter,\n) {}',
      'export async function grouped(deps: { db: Kysely<Database> }, input: { now: Date }) {}',
    ].join('\n');
    expect(dbFirstExports(source)).toEqual([
      { name: 'a', kind: 'db' },
      { name: 'b', kind: 'transaction' },
      { name: 'c', kind: 'executor' },
      { name: 'd', kind: 'db' },
      { name: 'typedOnly', kind: 'transaction' },
      { name: 'verify', kind: 'db' },
      { name: 'generic', kind: 'db' },
      { name: 'multiline', kind: 'db' },
    ]);
  });
});
