import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyField, copyRows } from '../../src/server/platform/db/copy';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { openTestDatabase } from '../support/test-db';

// COPY through both drivers (PGlite's blob, pg-copy-streams on PostgreSQL), with the values that
// break a naive text format: separators, backslashes, quotes inside arrays, NULL beside 'NULL'.
const awkward = [
  'tab\there',
  'line\nbreak\r\nand CR',
  'back\\slash \\N',
  '"quoted", {braced}',
  'NULL',
  '髙﨑①㈱ 東京都目黒区',
  '',
];

type Row = {
  id: number;
  label: string | null;
  n: number | null;
  yes: boolean | null;
  at: Date | null;
  tags: string[] | null;
  grams: number[] | null;
  doc: unknown;
};

describe('copyRows loads rows with COPY on this engine', () => {
  let handle: DatabaseHandle;
  const columns = ['id', 'label', 'n', 'yes', 'at', 'tags', 'grams', 'doc'];

  beforeAll(async () => {
    handle = await openTestDatabase();
    await sql`
      create table copy_probe (id integer primary key, label text, n float8, yes boolean, at timestamptz,
        tags text[], grams integer[], doc jsonb)`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reads back every awkward value exactly, nulls as nulls', async () => {
    const at = new Date('2026-11-24T06:00:00.123Z');
    const rows = awkward.map((label, i) => [
      i,
      label,
      i === 3 ? null : i * 1.5 - 2,
      i % 2 === 0,
      i === 4 ? null : at,
      i === 5 ? null : [label, 'NULL', 'x,y', ''],
      [i, -2147483648, 0, 1000000007, 2147483647, -1000000000],
      { label, nested: { list: [1, null, 'a\tb'] } },
    ]);
    const loaded = await copyRows(handle.db, 'copy_probe', columns, rows);
    expect(loaded).toBe(awkward.length);
    const { rows: back } = await sql<Row>`select * from copy_probe order by id`.execute(handle.db);
    expect(back).toHaveLength(awkward.length);
    for (const [i, row] of back.entries()) {
      expect(row.label).toBe(awkward[i]);
      expect(row.n).toBe(i === 3 ? null : i * 1.5 - 2);
      expect(row.yes).toBe(i % 2 === 0);
      expect(row.at === null ? null : new Date(row.at).toISOString()).toBe(i === 4 ? null : at.toISOString());
      expect(row.tags).toEqual(i === 5 ? null : [awkward[i], 'NULL', 'x,y', '']);
      expect(row.grams).toEqual([i, -2147483648, 0, 1000000007, 2147483647, -1000000000]);
      expect(row.doc).toEqual({ label: awkward[i], nested: { list: [1, null, 'a\tb'] } });
    }
  });

  it('loads nothing when the transaction rolls back, and fails whole on a bad row', async () => {
    await sql`truncate copy_probe`.execute(handle.db);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_probe', ['id', 'label'], [[100, 'kept until rollback']]);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(trx);
        expect(rows[0]?.n).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // A duplicate key in the middle: the whole COPY fails and the connection stays usable.
    await expect(
      copyRows(
        handle.db,
        'copy_probe',
        ['id', 'label'],
        [
          [1, 'a'],
          [2, 'b'],
          [1, 'again'],
        ],
      ),
    ).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('loads megabytes of multi-byte text in one statement, every character intact', async () => {
    await sql`truncate copy_probe`.execute(handle.db);
    // Far past the writer's first buffer (64 KB), with 3-byte characters and arrays of numbers.
    const label = (i: number) => `${'東京都目黒区上目黒'.repeat(20)}\t${i}`;
    const rows = Array.from({ length: 3000 }, (_, i) => [i, label(i), [i, i + 1, -(i + 1)]]);
    expect(await copyRows(handle.db, 'copy_probe', ['id', 'label', 'grams'], rows)).toBe(3000);
    const { rows: back } = await sql<{ id: number; label: string; grams: number[] }>`
      select id, label, grams from copy_probe where id in (0, 1499, 2999) order by id`.execute(handle.db);
    expect(back).toEqual(
      [0, 1499, 2999].map((i) => ({ id: i, label: label(i), grams: [i, i + 1, -(i + 1)] })),
    );
    const { rows: total } = await sql<{ n: number }>`
      select sum(char_length(label))::int as n from copy_probe`.execute(handle.db);
    expect(total[0]?.n).toBe(rows.reduce((sum, r) => sum + (r[1] as string).length, 0));
  });

  it('does nothing for no rows', async () => {
    expect(await copyRows(handle.db, 'copy_probe', ['id'], [])).toBe(0);
  });
});

describe('copyField', () => {
  it('refuses a number COPY cannot carry', () => {
    expect(() => copyField(Number.NaN)).toThrow(/finite/);
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\\b')).toBe('a\\\\b');
  });
});
