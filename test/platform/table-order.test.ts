import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderRowsForSelfReference, orderTablesForLoad } from '../../src/server/platform/backup/table-order';

describe('table order for loading a backup', () => {
  it('puts every parent table before the tables that reference it, whatever the names', () => {
    const order = orderTablesForLoad([
      { name: 'a_visits', parents: ['z_stations', 'users'] },
      { name: 'users', parents: ['municipalities'] },
      { name: 'z_stations', parents: ['municipalities'] },
      { name: 'municipalities', parents: [] },
    ]);
    expect(order).toEqual(['municipalities', 'users', 'z_stations', 'a_visits']);
  });

  it('refuses tables whose foreign keys form a cycle, naming them', () => {
    expect(() =>
      orderTablesForLoad([
        { name: 'a', parents: ['b'] },
        { name: 'b', parents: ['a'] },
        { name: 'c', parents: [] },
      ]),
    ).toThrow(/cycle between tables: a, b/);
  });

  it('orders rows of a self-referencing table so each comes after the row it names', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 40 }), (parents) => {
        // Row i may name an earlier-numbered row as its main one; then shuffle by reversing.
        const rows = parents
          .map((p, i) => ({ id: String(i), main: i > 0 ? String(p % i) : undefined }))
          .reverse();
        const ordered = orderRowsForSelfReference(
          rows,
          (r) => [r.id],
          (r) => [r.main],
        );
        expect(ordered).toHaveLength(rows.length);
        const position = new Map(ordered.map((r, i) => [r.id, i]));
        for (const row of ordered) {
          if (row.main !== undefined) expect(position.get(row.main)!).toBeLessThan(position.get(row.id)!);
        }
      }),
    );
  });

  it('refuses rows that reference each other in a cycle', () => {
    const rows = [
      { id: '1', main: '2' },
      { id: '2', main: '1' },
    ];
    expect(() =>
      orderRowsForSelfReference(
        rows,
        (r) => [r.id],
        (r) => [r.main],
      ),
    ).toThrow(/cycle/);
  });
});
