import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CopyColumns, copyRows } from '../../src/server/platform/db/copy';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { openTestDatabase } from '../support/test-db';

// Binary COPY through both drivers (PGlite's blob, pg-copy-streams on PostgreSQL), with the values
// that break a naive writer: separators, backslashes, quotes inside arrays, NULL beside 'NULL',
// multi-byte text, the limits of each integer type, times before 2000 and with milliseconds.
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
  ref: string | null;
  small: number | null;
  shifts: number[] | null;
  at_point: { x: number; y: number } | string | null;
};

describe('copyRows loads rows with COPY on this engine', () => {
  let handle: DatabaseHandle;
  const columns: CopyColumns = {
    id: 'int4',
    label: 'text',
    n: 'float8',
    yes: 'bool',
    at: 'timestamptz',
    tags: 'text[]',
    grams: 'int4[]',
    doc: 'jsonb',
    ref: 'uuid',
    small: 'int2',
    shifts: 'int2[]',
    at_point: 'point',
  };
  const ID_LABEL: CopyColumns = { id: 'int4', label: 'text' };

  beforeAll(async () => {
    handle = await openTestDatabase();
    await sql`
      create table copy_probe (id integer primary key, label text, n float8, yes boolean, at timestamptz,
        tags text[], grams integer[], doc jsonb, ref uuid, small smallint, shifts smallint[], at_point point,
        code char(6))`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reads back every awkward value exactly, nulls as nulls', async () => {
    const at = new Date('2026-11-24T06:00:00.123Z');
    const times = [
      at,
      '1999-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      null,
      '2000-01-01T00:00:00.001Z',
    ];
    const uuid = (i: number) => `01a20d8d-4928-7${i}0f-bbf4-4E9849e9086${i}`;
    const rows = awkward.map((label, i) => [
      i,
      label,
      i === 3 ? null : i * 1.5 - 2,
      i % 2 === 0,
      times[i % times.length],
      i === 5 ? null : [label, 'NULL', 'x,y', '', null],
      i === 6 ? [] : [i, -2147483648, 0, 1000000007, 2147483647, -1000000000],
      i === 2 ? JSON.stringify({ text: label }) : { label, nested: { list: [1, null, 'a\tb'] } },
      i === 1 ? null : uuid(i),
      [-32768, 32767, 0, null, 1439, -1, 7][i],
      i === 4 ? null : i === 6 ? [] : [i, -32768, 32767, 1560],
      i === 0 ? null : [139.6 + i / 1000, -35.5 - i],
    ]);
    const loaded = await copyRows(handle.db, 'copy_probe', columns, rows);
    expect(loaded).toBe(awkward.length);
    const { rows: back } = await sql<Row>`select * from copy_probe order by id`.execute(handle.db);
    expect(back).toHaveLength(awkward.length);
    for (const [i, row] of back.entries()) {
      expect(row.label).toBe(awkward[i]);
      expect(row.n).toBe(i === 3 ? null : i * 1.5 - 2);
      expect(row.yes).toBe(i % 2 === 0);
      const time = times[i % times.length];
      expect(row.at === null ? null : new Date(row.at).toISOString()).toBe(
        time === null || time === undefined ? null : new Date(time).toISOString(),
      );
      expect(row.tags).toEqual(i === 5 ? null : [awkward[i], 'NULL', 'x,y', '', null]);
      expect(row.grams).toEqual(i === 6 ? [] : [i, -2147483648, 0, 1000000007, 2147483647, -1000000000]);
      expect(row.doc).toEqual(
        i === 2 ? { text: awkward[i] } : { label: awkward[i], nested: { list: [1, null, 'a\tb'] } },
      );
      expect(row.ref).toBe(i === 1 ? null : uuid(i).toLowerCase());
      expect(row.small).toBe([-32768, 32767, 0, null, 1439, -1, 7][i]);
      expect(row.shifts).toEqual(i === 4 ? null : i === 6 ? [] : [i, -32768, 32767, 1560]);
    }
    const { rows: points } = await sql<{ id: number; x: number | null; y: number | null }>`
      select id, at_point[0] as x, at_point[1] as y from copy_probe order by id`.execute(handle.db);
    for (const p of points) {
      expect(p.x).toBe(p.id === 0 ? null : 139.6 + p.id / 1000);
      expect(p.y).toBe(p.id === 0 ? null : -35.5 - p.id);
    }
  });

  it('loads nothing when the transaction rolls back, and fails whole on a bad row', async () => {
    await sql`truncate copy_probe`.execute(handle.db);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_probe', ID_LABEL, [[100, 'kept until rollback']]);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(trx);
        expect(rows[0]?.n).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // A duplicate key in the middle: the whole COPY fails and the connection stays usable.
    await expect(
      copyRows(handle.db, 'copy_probe', ID_LABEL, [
        [1, 'a'],
        [2, 'b'],
        [1, 'again'],
      ]),
    ).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('loads megabytes of multi-byte text in one statement, every character intact', async () => {
    await sql`truncate copy_probe`.execute(handle.db);
    // Far past the writer's first buffer (64 KB), with 3-byte characters and arrays of numbers.
    const label = (i: number) => `${'東京都目黒区上目黒'.repeat(20)}\t${i}`;
    const rows = Array.from({ length: 3000 }, (_, i) => [i, label(i), [i, i + 1, -(i + 1)]]);
    expect(await copyRows(handle.db, 'copy_probe', { ...ID_LABEL, grams: 'int4[]' }, rows)).toBe(3000);
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
    expect(await copyRows(handle.db, 'copy_probe', { id: 'int4' }, [])).toBe(0);
  });

  it('fills a char(n) column from text, padded as PostgreSQL pads it', async () => {
    await sql`truncate copy_probe`.execute(handle.db);
    await copyRows(handle.db, 'copy_probe', { id: 'int4', code: 'text' }, [
      [1, '131105'],
      [2, '13'],
    ]);
    const { rows } = await sql<{ code: string }>`select code from copy_probe order by id`.execute(handle.db);
    expect(rows.map((r) => r.code)).toEqual(['131105', '13    ']);
    // Too long for char(6): the server refuses it, as it would refuse an INSERT.
    await expect(
      copyRows(handle.db, 'copy_probe', { id: 'int4', code: 'text' }, [[3, '1311050']]),
    ).rejects.toThrow();
  });

  it('refuses a value its column type cannot carry before sending anything, naming the column', async () => {
    await sql`truncate copy_probe`.execute(handle.db);
    const refused: Array<[CopyColumns, unknown]> = [
      [{ id: 'int4' }, 2 ** 31],
      [{ id: 'int4' }, 1.5],
      [{ id: 'int4' }, '1'],
      [{ small: 'int2' }, 32768],
      [{ n: 'float8' }, Number.NaN],
      [{ n: 'float8' }, Number.POSITIVE_INFINITY],
      [{ yes: 'bool' }, 'true'],
      [{ at: 'timestamptz' }, 'not a time'],
      [{ at: 'timestamptz' }, new Date(Number.NaN)],
      [{ ref: 'uuid' }, '01a20d8d49287000bbf44e9849e90862'],
      [{ ref: 'uuid' }, '01a20d8d-4928-7000-bbf4-4e9849e9086g'],
      [{ ref: 'uuid' }, '01a20d8d-4928-7000-bbf4-4e9849e90862-'],
      [{ at_point: 'point' }, [1]],
      [{ at_point: 'point' }, [1, Number.NaN]],
      [{ tags: 'text[]' }, ['a', 1]],
      [{ grams: 'int4[]' }, [1, 2 ** 40]],
      [{ shifts: 'int2[]' }, [1, 32768]],
      [{ shifts: 'int2[]' }, [1, null]],
      [{ label: 'text' }, 12],
    ];
    for (const [columns, value] of refused) {
      const name = Object.keys(columns)[0];
      await expect(
        copyRows(handle.db, 'copy_probe', { ...columns }, [[value as never]]),
        `${name} ${String(value)}`,
      ).rejects.toThrow(new RegExp(`^COPY: column ${name} `));
    }
    await expect(copyRows(handle.db, 'copy_probe', ID_LABEL, [[1]])).rejects.toThrow(
      /1 values for 2 columns/,
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
    expect(rows[0]?.n).toBe(0);
  });
});
