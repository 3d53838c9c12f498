import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './raw-sql-sites';

// docs/architecture.md, "A list": a page continues after its cursor with keysetPage (or
// keysetAfter), the row-value comparison `(sort, id) < ($1, $2)`, never with
// `sort < $1 or (sort = $1 and id < $2)`, which PostgreSQL may answer by sorting every later page.
const root = resolve(__dirname, '../..');

/**
 * The builder's `or` keyset: `or([eb(col, '<', …), eb.and([eb(col, '=', …), …])])` with the same
 * column on both sides, any operator of < <= > >=, any spacing or line breaks.
 */
const OR_KEYSET = /or\(\[\w+\((['"][\w.]+['"]),['"][<>]=?['"],.{0,200}?and\(\[\w+\(\1,['"]=['"]/;

/** The lines (1-based) where a file writes the `or` keyset; pure, so the rule is tested below. */
function orKeysetLines(source: string): number[] {
  const lines: number[] = [];
  const squeezed: string[] = [];
  const lineOf: number[] = [];
  source.split('\n').forEach((line, index) => {
    for (const ch of line.replace(/\s+/g, '')) {
      squeezed.push(ch);
      lineOf.push(index + 1);
    }
  });
  const text = squeezed.join('');
  const pattern = new RegExp(OR_KEYSET.source, 'g');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    lines.push(lineOf[match.index] ?? 0);
  }
  return lines;
}

describe('the keyset of a list', () => {
  it('is never the `or` form in a query file: keysetPage writes the row comparison', () => {
    const found: string[] = [];
    for (const dir of ['src/server', 'src/cli']) {
      for (const file of sourceFiles(resolve(root, dir))) {
        if (!file.endsWith('.queries.ts')) continue;
        const path = relative(root, file).split(sep).join('/');
        for (const line of orKeysetLines(readFileSync(file, 'utf8')))
          found.push(`${path}:${line}: an \`or\` keyset; use keysetPage (platform/db/pagination.ts)`);
      }
    }
    expect(found).toEqual([]);
  });

  it('finds the forms the lists used to write, on one line or over several', () => {
    const oneLine =
      "q.where((eb) => eb.or([eb('u.email', '>', email), eb.and([eb('u.email', '=', email), eb('u.id', '>', id)])]));";
    const spread = [
      'q.where((eb) =>',
      '  eb.or([',
      "    eb('updated_at', '<', after?.sort as Date),",
      "    eb.and([eb('updated_at', '=', after?.sort as Date), eb('id', '<', String(after?.id))]),",
      '  ]),',
      ');',
    ].join('\n');
    expect(orKeysetLines(oneLine)).toEqual([1]);
    expect(orKeysetLines(`const a = 1;\n${spread}`)).toEqual([3]);
  });

  it('leaves an `or` of other conditions alone', () => {
    for (const source of [
      "eb.or([eb('status', '=', 'final'), eb('author_organisation_id', 'in', ids)])",
      "eb.or([eb('f.reminded_at', 'is', null), eb('f.reminded_at', '<', cutoff)])",
      "eb.or([eb('a', '<', x), eb.and([eb('b', '=', y), eb('c', '<', z)])])",
      "keysetPage(q, ['created_at', 'id'], 'desc', after)",
    ])
      expect(orKeysetLines(source), source).toEqual([]);
  });
});
