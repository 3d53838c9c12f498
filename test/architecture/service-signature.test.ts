import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbFirstExports } from '../../scripts/arch-counts';
import { sourceFiles } from './raw-sql-sites';

// docs/architecture.md: a module's use cases are `(deps, ctx, input)`, and the platform's services
// (the audit chain's check, backup and restore, the outbox's delivery) are `(deps, input)` or
// `(deps, ctx, input)` alike. A service function may take the caller's transaction first (a step
// that joins the use case's transaction, like a query), but none takes the database itself: that
// one decides its own transaction, so it is a use case.
const root = resolve(__dirname, '../..');
const rel = (file: string) => relative(root, file).split(sep).join('/');

function servicesTakingDb(dir: string): string[] {
  return sourceFiles(resolve(root, dir))
    .filter((path) => path.endsWith('.service.ts'))
    .flatMap((path) =>
      dbFirstExports(readFileSync(path, 'utf8'))
        .filter((f) => f.kind === 'db')
        .map((f) => `${rel(path)}: ${f.name}`),
    );
}

describe('the service signature', () => {
  it('has no exported module service function that takes the database first', () => {
    expect(servicesTakingDb('src/server/modules')).toEqual([]);
  });

  it('has no exported platform service function that takes the database first', () => {
    expect(servicesTakingDb('src/server/platform')).toEqual([]);
  });
});
