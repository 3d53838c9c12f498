import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, readImportGraph } from './import-graph';

// docs/architecture.md: contracts ← platform ← modules ← cli; a module reaches another only
// through its index.ts; the web shares only src/contracts with the server.
const root = resolve(__dirname, '../..');
const graph = readImportGraph(resolve(root, 'src'));
const rel = (file: string) => relative(root, file).split(sep).join('/');

function edges(): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  for (const [from, targets] of graph) for (const to of targets) list.push([rel(from), rel(to)]);
  return list;
}

const moduleOf = (path: string) => /^src\/server\/modules\/([^/]+)\//.exec(path)?.[1];

describe('the direction of dependencies', () => {
  it('has no import cycle anywhere in src', () => {
    expect(findCycles(graph, root)).toEqual([]);
  });

  it('keeps contracts free of server, web and cli code', () => {
    const bad = edges().filter(
      ([from, to]) => from.startsWith('src/contracts/') && !to.startsWith('src/contracts/'),
    );
    expect(bad).toEqual([]);
  });

  it('never lets the platform import a module or the CLI', () => {
    const bad = edges().filter(
      ([from, to]) =>
        from.startsWith('src/server/platform/') &&
        (to.startsWith('src/server/modules/') || to.startsWith('src/cli/')),
    );
    expect(bad).toEqual([]);
  });

  it('never lets a server module import the CLI or the web', () => {
    const bad = edges().filter(
      ([from, to]) =>
        from.startsWith('src/server/') && (to.startsWith('src/cli/') || to.startsWith('src/web/')),
    );
    expect(bad).toEqual([]);
  });

  it('lets a module reach another module only through its index.ts', () => {
    const bad = edges().filter(([from, to]) => {
      const a = moduleOf(from);
      const b = moduleOf(to);
      return a && b && a !== b && to !== `src/server/modules/${b}/index.ts`;
    });
    expect(bad).toEqual([]);
  });

  it('lets the web import only the web and the contracts', () => {
    const bad = edges().filter(
      ([from, to]) =>
        from.startsWith('src/web/') && !to.startsWith('src/web/') && !to.startsWith('src/contracts/'),
    );
    expect(bad).toEqual([]);
  });

  it('keeps demo and test code out of every index.ts', () => {
    const bad = edges().filter(([from, to]) => /\/index\.ts$/.test(from) && /\/(demo|testing)\//.test(to));
    expect(bad).toEqual([]);
  });
});
