/**
 * Orders for loading rows without breaking foreign keys: parent tables before child tables, and
 * inside a table that references itself (a satellite station naming its main station) each
 * referenced row before the rows that name it.
 */

/** Parents before children; ties in name order so two backups of the same data are identical. */
export function orderTablesForLoad(tables: Array<{ name: string; parents: string[] }>): string[] {
  const names = new Set(tables.map((t) => t.name));
  const waiting = new Map(tables.map((t) => [t.name, new Set(t.parents.filter((p) => names.has(p)))]));
  const ordered: string[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      throw new Error(`foreign keys form a cycle between tables: ${[...waiting.keys()].sort().join(', ')}`);
    }
    ready.sort();
    for (const name of ready) {
      ordered.push(name);
      waiting.delete(name);
      for (const parents of waiting.values()) parents.delete(name);
    }
  }
  return ordered;
}

/**
 * Reorders the rows of a self-referencing table so a row comes after the rows it references.
 * `keys` gives the keys a row can be referenced by (one per self-referencing foreign key, e.g.
 * its id); `refs` the keys it points to (undefined for a null reference). Rows that point at a
 * key not in the set keep their place (the database will judge them).
 */
export function orderRowsForSelfReference<R>(
  rows: R[],
  keys: (row: R) => Array<string | undefined>,
  refs: (row: R) => Array<string | undefined>,
): R[] {
  const byKey = new Map<string, R>();
  for (const row of rows) {
    for (const k of keys(row)) if (k !== undefined) byKey.set(k, row);
  }
  const state = new Map<R, 'visiting' | 'done'>();
  const ordered: R[] = [];
  for (const start of rows) {
    if (state.has(start)) continue;
    // Iterative depth-first walk: chains of satellites can be long, recursion could overflow.
    const stack: Array<{ row: R; next: number; parents: R[] }> = [];
    const enter = (row: R) => {
      state.set(row, 'visiting');
      const parents = refs(row)
        .map((k) => (k === undefined ? undefined : byKey.get(k)))
        .filter((p): p is R => p !== undefined && p !== row);
      stack.push({ row, next: 0, parents });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const parent = top.parents[top.next++];
      if (parent === undefined) {
        stack.pop();
        state.set(top.row, 'done');
        ordered.push(top.row);
      } else if (!state.has(parent)) {
        enter(parent);
      } else if (state.get(parent) === 'visiting') {
        throw new Error(`rows reference each other in a cycle (${JSON.stringify(keys(parent))})`);
      }
    }
  }
  return ordered;
}
