import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** One use of Kysely's raw `sql` (a template or `sql.raw`, `sql.ref`, `sql.lit`, …), outermost only. */
export type RawSqlSite = {
  /** 1-based line of the site's first character. */
  line: number;
  /** Whether a `// raw sql:` comment is on that line or within the 3 lines above it. */
  explained: boolean;
  /** The site's first line, for a readable failure. */
  text: string;
};

const EXPLANATION = /\/\/\s*raw sql:/;

/** Every TypeScript file under `dir`, tests left out. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * The raw sql sites of one file: the places that call the `sql` Kysely exports. A site inside
 * another (`sql\`… ${sql.ref(c)} …\``) is part of the outer one, which carries the comment.
 */
export function rawSqlSites(source: string, fileName = 'file.ts'): RawSqlSite[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const names = sqlImportNames(file);
  if (names.size === 0) return [];
  const lines = source.split('\n');
  const sites: RawSqlSite[] = [];
  const visit = (node: ts.Node) => {
    if (isSite(node, names)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const window = lines.slice(Math.max(0, line - 3), line + 1);
      sites.push({
        line: line + 1,
        explained: window.some((l) => EXPLANATION.test(l)),
        text: (lines[line] ?? '').trim(),
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sites;
}

/** The local names `sql` is imported under from 'kysely' (usually just `sql`). */
function sqlImportNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if (!ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'kysely')
      continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if ((element.propertyName ?? element.name).text === 'sql' && !element.isTypeOnly) {
        names.add(element.name.text);
      }
    }
  }
  return names;
}

function isSite(node: ts.Node, names: Set<string>): boolean {
  if (ts.isTaggedTemplateExpression(node)) return ts.isIdentifier(node.tag) && names.has(node.tag.text);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const target = node.expression.expression;
    return ts.isIdentifier(target) && names.has(target.text);
  }
  return false;
}

/** The raw sql sites of every file under `dir`, by path. */
export function rawSqlSitesUnder(dir: string): Map<string, RawSqlSite[]> {
  const result = new Map<string, RawSqlSite[]>();
  for (const path of sourceFiles(dir)) {
    const sites = rawSqlSites(readFileSync(path, 'utf8'), path);
    if (sites.length > 0) result.set(path, sites);
  }
  return result;
}
