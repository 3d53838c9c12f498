// Counts how far the source tree under src/ (tests left out) follows docs/architecture.md, as JSON:
// `npx tsx scripts/arch-counts.ts [dir] [--list]` (dir: a checkout, this one by default; --list adds
// the files without a role and the services that take db first). Issue 11's closing note compares
// these before and after.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { findCycles, readImportGraph } from '../test/architecture/import-graph';
import { rawSqlSites, sourceFiles } from '../test/architecture/raw-sql-sites';

/**
 * The roles of docs/architecture.md's module skeleton, by how a file's name ends. README.md and
 * `*.db.test.ts` are roles too, but neither is a source file counted here.
 */
export const ROLES: ReadonlyArray<readonly [role: string, suffix: string]> = [
  ['index', '/index.ts'],
  ['routes', '.routes.ts'],
  ['service', '.service.ts'],
  ['queries', '.queries.ts'],
  ['table', '.table.ts'],
  ['workflow', '-status.ts'],
  ['policy', '.policy.ts'],
  ['presenter', '.presenter.ts'],
  ['commands', '.commands.ts'],
  ['jobs', '.jobs.ts'],
  ['job', '.job.ts'],
  ['demo', '.seed.ts'],
];

/**
 * Where the skeleton applies: the server and the CLI (the composition). The contracts are a layer
 * of their own (every file there is a contract) and the web has no skeleton in the document, so
 * their files are counted but have no role to miss; migrations are named by their timestamp.
 */
const OUTSIDE_SKELETON = [/^src\/contracts\//, /^src\/web\//, /^src\/server\/db\/migrations\//];

/** The skeleton role of a source file (a path relative to the checkout, with `/`), if it has one. */
export function roleOf(path: string): string | undefined {
  const name = `/${path}`;
  return ROLES.find(([, suffix]) => name.endsWith(suffix))?.[0];
}

/** Whether a file is one the skeleton speaks of (see OUTSIDE_SKELETON). */
export function inSkeleton(path: string): boolean {
  return /\.tsx?$/.test(path) && !OUTSIDE_SKELETON.some((re) => re.test(path));
}

/** The area a file is reported under: `src/server/modules/<domain>`, `src/server/platform`, … */
export function areaOf(path: string): string {
  const module = /^src\/server\/modules\/([^/]+)\//.exec(path);
  if (module) return `src/server/modules/${module[1]}`;
  const parts = path.split('/');
  return parts.slice(0, parts[1] === 'server' ? 3 : 2).join('/');
}

const parse = (source: string, fileName = 'file.tsx') =>
  ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** `type Executor = …` declarations (any export or generics). */
export function executorDefinitions(source: string): number {
  let n = 0;
  walk(parse(source), (node) => {
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'Executor') n++;
  });
  return n;
}

/** Calls of a method named `transaction` with no arguments: `db.transaction()` (Kysely's). */
export function transactionCalls(source: string): number {
  let n = 0;
  walk(parse(source), (node) => {
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 0 &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'transaction'
    )
      n++;
  });
  return n;
}

/** Calls of `writeAudit(…)` (or `x.writeAudit(…)`); its definition is not a call. */
export function writeAuditCalls(source: string): number {
  let n = 0;
  walk(parse(source), (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : undefined;
    if (name === 'writeAudit') n++;
  });
  return n;
}

/**
 * What a database parameter is, by its type or else its name: `db` (the database itself:
 * `Kysely<…>`, db/database), `transaction` (the caller's: `Transaction<…>`, trx/tx) or `executor`
 * (either: `Executor`, executor).
 */
export type DbParameterKind = 'db' | 'transaction' | 'executor';

function dbParameterKind(
  parameter: ts.ParameterDeclaration | undefined,
  file: ts.SourceFile,
): DbParameterKind | undefined {
  if (!parameter) return undefined;
  const type = parameter.type?.getText(file) ?? '';
  const name = ts.isIdentifier(parameter.name) ? parameter.name.text : '';
  if (/^Transaction\b/.test(type)) return 'transaction';
  if (/^Executor\b/.test(type)) return 'executor';
  if (/^Kysely\b/.test(type)) return 'db';
  // Another type (a local alias such as `Trx`): the name says what it is.
  if (name === 'trx' || name === 'tx') return 'transaction';
  if (name === 'executor') return 'executor';
  if (name === 'db' || name === 'database') return 'db';
  return undefined;
}

/**
 * The exported functions of a service file whose first parameter is the database or a transaction
 * rather than `deps`: `export function f(db, …)` and `export const f = (db, …) => …`.
 */
export function dbFirstExports(source: string): Array<{ name: string; kind: DbParameterKind }> {
  const file = parse(source, 'file.ts');
  const found: Array<{ name: string; kind: DbParameterKind }> = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    Boolean(ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
  const add = (name: string, parameter: ts.ParameterDeclaration | undefined) => {
    const kind = dbParameterKind(parameter, file);
    if (kind) found.push({ name, kind });
  };
  for (const statement of file.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      add(statement.name.text, statement.parameters[0]);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          add(d.name.text, init.parameters[0]);
      }
    }
  }
  return found;
}

export type ArchCounts = {
  dir: string;
  commit: string | null;
  sourceFiles: number;
  withoutRole: { count: number; of: number; byArea: Record<string, number>; files?: string[] };
  rawSql: {
    sites: number;
    files: number;
    outsideQueryFiles: { sites: number; files: number };
    outsideQueryFilesAndMigrations: { sites: number; files: number };
  };
  executorDefinitions: number;
  importCycles: { count: number; cycles: string[][] };
  transactionCalls: { total: number; files: number; list?: string[] };
  servicesTakingDbFirst: {
    files: number;
    functions: number;
    byKind: Record<DbParameterKind, number>;
    list?: string[];
  };
  writeAuditCalls: number;
};

/** Every count of the tree at `dir` (a checkout holding src/). */
export function countTree(dir: string, options: { list?: boolean } = {}): ArchCounts {
  const root = resolve(dir);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const files = sourceFiles(join(root, 'src')).map((path) => ({
    path: rel(path),
    source: readFileSync(path, 'utf8'),
  }));

  const skeleton = files.filter((f) => inSkeleton(f.path));
  const unclassified = skeleton.filter((f) => !roleOf(f.path)).map((f) => f.path);
  const byArea: Record<string, number> = {};
  for (const path of unclassified) byArea[areaOf(path)] = (byArea[areaOf(path)] ?? 0) + 1;

  const sitesOf = files
    .map((f) => ({ path: f.path, sites: rawSqlSites(f.source, f.path).length }))
    .filter((f) => f.sites > 0);
  const sum = (list: Array<{ sites: number }>) => list.reduce((n, f) => n + f.sites, 0);
  const outside = sitesOf.filter((f) => !f.path.endsWith('.queries.ts'));
  const outsideNotMigration = outside.filter((f) => !f.path.startsWith('src/server/db/migrations/'));

  const transactions = files
    .map((f) => ({ path: f.path, n: transactionCalls(f.source) }))
    .filter((f) => f.n > 0);
  const services = files
    .filter((f) => f.path.endsWith('.service.ts'))
    .map((f) => ({ path: f.path, found: dbFirstExports(f.source) }))
    .filter((f) => f.found.length > 0);
  const byKind: Record<DbParameterKind, number> = { db: 0, transaction: 0, executor: 0 };
  for (const f of services) for (const { kind } of f.found) byKind[kind]++;
  const cycles = findCycles(readImportGraph(join(root, 'src')), root).map((c) =>
    c.map((p) => p.split(sep).join('/')),
  );

  return {
    dir: root,
    commit: commitOf(root),
    sourceFiles: files.length,
    withoutRole: {
      count: unclassified.length,
      of: skeleton.length,
      byArea: Object.fromEntries(Object.entries(byArea).sort(([a], [b]) => a.localeCompare(b))),
      ...(options.list ? { files: unclassified } : {}),
    },
    rawSql: {
      sites: sum(sitesOf),
      files: sitesOf.length,
      outsideQueryFiles: { sites: sum(outside), files: outside.length },
      outsideQueryFilesAndMigrations: { sites: sum(outsideNotMigration), files: outsideNotMigration.length },
    },
    executorDefinitions: files.reduce((n, f) => n + executorDefinitions(f.source), 0),
    importCycles: { count: cycles.length, cycles },
    transactionCalls: {
      total: transactions.reduce((n, f) => n + f.n, 0),
      files: transactions.length,
      ...(options.list ? { list: transactions.map((f) => `${f.path}: ${f.n}`) } : {}),
    },
    servicesTakingDbFirst: {
      files: services.length,
      functions: services.reduce((n, f) => n + f.found.length, 0),
      byKind,
      ...(options.list
        ? { list: services.flatMap((f) => f.found.map((x) => `${f.path}: ${x.name} (${x.kind})`)) }
        : {}),
    },
    writeAuditCalls: files.reduce((n, f) => n + writeAuditCalls(f.source), 0),
  };
}

function commitOf(dir: string): string | null {
  if (!existsSync(join(dir, '.git'))) return null;
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? resolve(import.meta.dirname, '..');
  if (!existsSync(join(dir, 'src'))) {
    console.error(`${dir} に src/ がありません / has no src/ folder`);
    process.exit(2);
  }
  console.log(JSON.stringify(countTree(dir, { list: args.includes('--list') }), null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
