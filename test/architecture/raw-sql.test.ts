import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RawSqlSite, rawSqlSites, rawSqlSitesUnder } from './raw-sql-sites';

// docs/architecture.md: Kysely's query builder in *.queries.ts files; raw `sql` only where the
// builder cannot say it, each such place commented `// raw sql: <why>` (on its line or within the
// 3 lines above). Outside *.queries.ts files raw sql is allowed only in the files below.
const root = resolve(__dirname, '../..');
const rel = (file: string) => relative(root, file).split(sep).join('/');

/** Files that are not *.queries.ts and still speak raw SQL, each with why it has to. */
const ALLOWED: Record<string, string> = {
  'src/server/platform/db/migrate.ts':
    'migrations runner: reads and locks its own bookkeeping table, outside the Database interface',
  'src/server/platform/db/runtime-role.ts':
    'runtime role: GRANT/REVOKE statements, which the builder has no form for',
  'src/server/platform/db/copy.ts': 'bulk load: COPY FROM STDIN, which the builder has no form for',
  'src/server/platform/db/bulk-load.ts': 'bulk load: COPY and the index/constraint DDL around a large load',
  'src/server/platform/backup/backup.service.ts':
    'backup: reads every table by its catalog name (dynamic table names)',
  'src/server/platform/backup/restore-loader.ts':
    'backup: writes every table by its catalog name (dynamic table names, COPY, sequences)',
  'src/server/modules/opendata/import/facility-writes.ts':
    'bulk load: new facilities by COPY, updates as one jsonb_to_recordset statement per batch',
  'src/server/modules/opendata/import/bulk-indexes.ts':
    'bulk load: drops and rebuilds the search indexes and foreign keys around a large import (DDL)',
  'src/server/demo/directory/bulk-insert.ts':
    'bulk load: the national demo data set in batches of one jsonb or array parameter per statement',
};

const isMigration = (path: string) => path.startsWith('src/server/db/migrations/');

/** What breaks the rule, one line per problem; pure, so the rule itself is tested below. */
function rawSqlViolations(
  sitesByFile: Map<string, RawSqlSite[]>,
  lists: { allowed: Record<string, string> },
): string[] {
  const problems: string[] = [];
  for (const [path, sites] of [...sitesByFile].sort(([a], [b]) => a.localeCompare(b))) {
    if (isMigration(path)) continue;
    if (!path.endsWith('.queries.ts') && !(path in lists.allowed)) {
      problems.push(
        `${path}: raw sql outside a *.queries.ts file (move it, or allow the file with a reason)`,
      );
    }
    for (const site of sites.filter((s) => !s.explained)) {
      problems.push(`${path}:${site.line}: raw sql without a "// raw sql: why" comment: ${site.text}`);
    }
  }
  for (const path of Object.keys(lists.allowed)) {
    if (!sitesByFile.has(path)) problems.push(`${path}: allowed, but uses no raw sql any more (remove it)`);
  }
  return problems;
}

function repositorySites(): Map<string, RawSqlSite[]> {
  const byPath = new Map<string, RawSqlSite[]>();
  for (const dir of ['src/server', 'src/cli']) {
    for (const [file, sites] of rawSqlSitesUnder(resolve(root, dir))) byPath.set(rel(file), sites);
  }
  return byPath;
}

describe('raw sql', () => {
  it('is found only in query files and the allowed files, each site saying why', () => {
    expect(rawSqlViolations(repositorySites(), { allowed: ALLOWED })).toEqual([]);
  });

  it('gives every allowed file its reason', () => {
    for (const [path, reason] of Object.entries(ALLOWED)) {
      expect(reason, path).toMatch(/^(backup|bulk load|migrations runner|runtime role): \S/);
    }
  });

  const lists = { allowed: { 'src/server/platform/backup/old.ts': 'backup: x' } };
  const fileWith = (source: string) => rawSqlSites(`import { sql } from 'kysely';\n${source}`);

  it('flags a new file outside every list, even with its sites commented', () => {
    const sites = fileWith('// raw sql: a catalog\nexport const q = sql`select 1`;');
    expect(sites).toEqual([{ line: 3, explained: true, text: 'export const q = sql`select 1`;' }]);
    const found = rawSqlViolations(new Map([['src/server/modules/x/new-thing.service.ts', sites]]), lists);
    expect(found).toContain(
      'src/server/modules/x/new-thing.service.ts: raw sql outside a *.queries.ts file (move it, or allow the file with a reason)',
    );
  });

  it('flags a site in a query file whose comment is missing or more than 3 lines above', () => {
    const sites = fileWith(
      [
        '// raw sql: far away',
        '',
        '',
        '',
        'export const a = sql<number>`select 1`;',
        'export const b = sql.raw("x"); // raw sql: on the same line',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text given to the scanner, not a template
        'export const c = sql`select ${sql.ref("t.c")}`; // raw sql: its nested sql.ref is part of it',
      ].join('\n'),
    );
    expect(sites.map((s) => [s.line, s.explained])).toEqual([
      [6, false],
      [7, true],
      [8, true],
    ]);
    expect(rawSqlViolations(new Map([['src/server/modules/x/x.queries.ts', sites]]), lists)).toEqual([
      'src/server/modules/x/x.queries.ts:6: raw sql without a "// raw sql: why" comment: export const a = sql<number>`select 1`;',
      'src/server/platform/backup/old.ts: allowed, but uses no raw sql any more (remove it)',
    ]);
  });

  it('counts only the sql Kysely exports, under whatever name it is imported', () => {
    expect(rawSqlSites("import { sql as raw } from 'kysely';\nraw`select 1`;")).toHaveLength(1);
    expect(rawSqlSites('const sql = (s: TemplateStringsArray) => s;\nsql`not kysely`;')).toEqual([]);
  });
});
