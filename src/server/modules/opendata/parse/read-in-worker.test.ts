import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticMedicalList } from '../../../../../test/support/opendata/synthetic-list';
import { type ReadEvent, readOpenData } from './open-data-reader';
import { readOpenDataInWorker } from './read-in-worker';
import type { MunicipalityInfo } from './row-resolution';

const ROOT = join(import.meta.dirname, '../../../../..');
const FIXTURES = join(ROOT, 'test/fixtures/opendata');
const known = new Map<string, MunicipalityInfo>([['131105', { name: '目黒区', prefecture: '東京都' }]]);

async function collect(events: AsyncIterable<ReadEvent>): Promise<ReadEvent[]> {
  const all: ReadEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

async function bothWays(bytes: Uint8Array, fileName: string, municipalityOverride?: string) {
  const options = { fileName, municipalityOverride };
  const inline = await collect(
    readOpenData(bytes, { ...options, knownMunicipality: (code) => known.get(code) }),
  );
  const worker = await collect(readOpenDataInWorker(bytes, options, known));
  return { inline, worker };
}

describe('reading on a worker thread', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => /\.(csv|txt)$/.test(name));

  it('yields exactly the events of reading in this thread, for every fixture', async () => {
    expect(fixtures.length).toBeGreaterThan(8);
    for (const name of fixtures) {
      const { inline, worker } = await bothWays(readFileSync(join(FIXTURES, name)), name);
      expect(worker, name).toEqual(inline);
    }
  });

  it('keeps order and content over many chunks, with a municipality given', async () => {
    const bytes = syntheticMedicalList(3_000);
    const { inline, worker } = await bothWays(bytes, 'large.csv', '131105');
    expect(inline.filter((e) => e.type === 'row')).toHaveLength(3_000);
    expect(worker).toEqual(inline);
  });

  it('reads an empty file and an old .xls as the same file errors', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const [bytes, name] of [
      [new Uint8Array(0), 'empty.csv'],
      [xls, 'old.xls'],
    ] as const) {
      const { inline, worker } = await bothWays(bytes, name);
      expect(inline[0]?.type).toBe('file_error');
      expect(worker).toEqual(inline);
    }
  });

  it('reads the next file after one left early, with nothing of the first leaking into it', async () => {
    const events = readOpenDataInWorker(syntheticMedicalList(5_000), { fileName: 'x.csv' }, known);
    let seen = 0;
    for await (const _ of events) if (++seen === 10) break;
    expect(seen).toBe(10);
    const again = await bothWays(syntheticMedicalList(300), 'y.csv', '131105');
    expect(again.worker.filter((e) => e.type === 'row')).toHaveLength(300);
    expect(again.worker).toEqual(again.inline);
  });

  it('stops its thread when a file is read or left early, so the process exits on its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zaitaku-worker-'));
    const script = join(dir, 'read-once.mts');
    const here = (file: string) => JSON.stringify(join(import.meta.dirname, file));
    writeFileSync(
      script,
      [
        `import { readOpenDataInWorker } from ${here('read-in-worker.ts')};`,
        `import { syntheticMedicalList } from ${here('../../../../../test/support/opendata/synthetic-list.ts')};`,
        'let n = 0;',
        "for await (const _ of readOpenDataInWorker(syntheticMedicalList(50), { fileName: 'z.csv' }, new Map())) n++;",
        'let left = 0;',
        "for await (const _ of readOpenDataInWorker(syntheticMedicalList(5000), { fileName: 'w.csv' }, new Map())) if (++left === 5) break;",
        'console.log(n, left);',
      ].join('\n'),
    );
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
        cwd: ROOT,
        encoding: 'utf8',
        // A thread left running would keep the process alive until this kills it (status null).
        timeout: 60_000,
      });
      expect(child.stderr).toBe('');
      expect(child.stdout.trim()).toBe('51 5');
      expect(child.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
