import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsSnapshots } from './accounts.cases';
import { addressesSnapshots } from './addresses.cases';
import { consultationsSnapshots } from './consultations.cases';
import { directorySnapshots } from './directory.cases';
import { dischargeSnapshots } from './discharge.cases';
import { documentsSnapshots } from './documents.cases';
import { inboxSnapshots } from './inbox.cases';
import { patientsSnapshots } from './patients.cases';
import { platformSnapshots } from './platform.cases';
import type { SnapshotSet } from './snapshot-set';
import { captureSql, formatSql, sameSql } from './sql-capture';

// The SQL of the main queries, compiled from the query builders, kept as .sql files beside this
// test (learnt from immich's server/src/queries): a change to a query shows in review as a diff of
// the SQL it sends, not only of the TypeScript that builds it.
const root = resolve(__dirname, '../..');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';
const HOW_TO_UPDATE =
  'If the change is intended, run `UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries` and commit the .sql diff with it.';

const sets: SnapshotSet[] = [
  ...accountsSnapshots,
  ...directorySnapshots,
  ...patientsSnapshots,
  ...dischargeSnapshots,
  ...documentsSnapshots,
  ...inboxSnapshots,
  ...platformSnapshots,
  ...addressesSnapshots,
  ...consultationsSnapshots,
];

/** src/server/modules/accounts/session.queries.ts → test/queries/accounts/session.queries.sql */
function snapshotPath(source: string): string {
  const relativeSource = source.replace(/^src\/server\/(modules\/|platform\/)/, '').replace(/\.ts$/, '.sql');
  return resolve(__dirname, relativeSource);
}

async function render(set: SnapshotSet): Promise<string> {
  const parts = [
    `-- Generated from ${set.source} by test/queries/sql-snapshots.test.ts: do not edit by hand.`,
    '-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries',
  ];
  for (const c of set.cases) {
    const statements = await captureSql(c.run);
    if (statements.length === 0) throw new Error(`${set.source}: "${c.name}" sent no SQL`);
    for (const statement of statements) {
      const formatted = formatSql(statement);
      if (!sameSql(formatted, statement))
        throw new Error(`formatSql changed more than whitespace in "${c.name}"`);
      parts.push('', `-- ${c.name}`, `${formatted};`);
    }
  }
  return `${parts.join('\n')}\n`;
}

describe('SQL snapshots of the main queries', () => {
  for (const set of sets) {
    const path = snapshotPath(set.source);
    const shown = path.slice(root.length + 1);

    it(`${shown} shows the SQL ${set.source} sends`, async () => {
      const actual = await render(set);
      if (UPDATE) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, actual);
      }
      const expected = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
      expect(actual, `${shown} is out of date: the SQL of ${set.source} changed. ${HOW_TO_UPDATE}`).toBe(
        expected,
      );
    });

    it(`has an example of every function ${set.source} exports`, () => {
      const exported = Object.entries(set.exports)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name);
      const shownNames = new Set(set.cases.map((c) => c.name.split(' ')[0]));
      const missing = exported.filter((name) => !shownNames.has(name) && !(name in (set.notShown ?? {})));
      expect(
        missing,
        `add a case for each to test/queries/*.cases.ts (or a reason in notShown), then: ${HOW_TO_UPDATE}`,
      ).toEqual([]);
    });
  }

  it('keeps quoted text as it is and breaks lines only outside quotes', () => {
    const statement = `select 'a  from  b' as "x  where", count(*) from t where (select 1 from u) = 1`;
    const formatted = formatSql(statement);
    expect(formatted).toBe(
      `select 'a  from  b' as "x  where", count(*)\nfrom t\nwhere (\n  select 1\n  from u) = 1`,
    );
    expect(sameSql(formatted, statement)).toBe(true);
  });
});
