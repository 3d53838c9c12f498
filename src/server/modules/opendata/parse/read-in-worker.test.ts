import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticMedicalList } from '../testing/synthetic-list';
import { type ReadEvent, readOpenData } from './open-data-reader';
import { readOpenDataInWorker } from './read-in-worker';
import type { MunicipalityInfo } from './row-resolution';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/opendata');
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

  it('stops the worker when the reader is left early', async () => {
    const events = readOpenDataInWorker(syntheticMedicalList(5_000), { fileName: 'x.csv' }, known);
    let seen = 0;
    for await (const _ of events) if (++seen === 10) break;
    expect(seen).toBe(10);
  });
});
