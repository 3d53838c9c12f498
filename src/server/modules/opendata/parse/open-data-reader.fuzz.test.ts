import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJapaneseDate, parseJapaneseDateRange } from '../../../../contracts/japanese-calendar';
import { OpenDataLayout } from '../../../../contracts/opendata';
import { FACILITY_FIELDS, LAYOUT_COLUMNS } from '../../../../contracts/opendata-layouts';
import { FIELD_SPECS, readField, writeField } from './facility-record';
import { collectOpenData, type ReadOptions } from './open-data-reader';
import { encodeCp932 } from './text-decoding';

const options: ReadOptions = {
  fileName: 'fuzz.csv',
  knownMunicipality: (code) => (code === '131105' ? { name: '目黒区', prefecture: '東京都' } : undefined),
};

// Cells made of the characters real files trip over: digits of both widths, kana of both widths,
// separators, quotes, newlines, era names, the NEC/IBM extensions and the odd control character.
const quirkyChar = fc.constantFrom(
  ...'0123456789０１２３４５６７８９-－ー〜～・、,;；/.:：()（）"\n\r \u3000ｱｶﾞ月火水木金土日祝平日令和元年HR時分半床休止廃①㈱髙﨑東京都目黒区\u0000\uFFFDé'.split(
    '',
  ),
);
const quirkyCell = fc.oneof(
  fc.string({ unit: quirkyChar, maxLength: 24 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('131105', '131106', '35.6415', '135', '0.375', '9時', '19（休床中）', '(0285)37-7111', ''),
);

const runs = { numRuns: 150 };

describe('the reader never crashes: bad input becomes errors', () => {
  it('survives arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await collectOpenData(bytes, options);
        expect(result.rows.length + result.rejected + result.errors.length).toBeGreaterThanOrEqual(0);
      }),
      runs,
    );
  });

  it('survives arbitrary text in UTF-8 and CP932', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        await collectOpenData(Buffer.from(text, 'utf8'), options);
        await collectOpenData(encodeCp932(text), options);
      }),
      runs,
    );
  });

  it('accounts for every data row of a well-formed file of any layout, whatever its cells hold', async () => {
    const layouts = OpenDataLayout.options;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...layouts),
        fc.array(fc.array(quirkyCell, { minLength: 0, maxLength: 45 }), { maxLength: 8 }),
        async (layout, rows) => {
          const header = LAYOUT_COLUMNS[layout].map((c) => c.header);
          const bytes = Buffer.from(stringify([header, ...rows], { record_delimiter: '\r\n' }));
          const result = await collectOpenData(bytes, options);
          const nonBlank = rows.filter((r) => r.some((cell) => cell.trim() !== '')).length;
          if (result.errors.some((e) => e.line === 0 || e.code.startsWith('opendata.'))) return;
          expect(result.layout).toBe(layout);
          expect(result.rows.length + result.rejected).toBe(nonBlank);
          for (const error of result.errors) expect(error.message).toMatch(/ \/ /);
        },
      ),
      runs,
    );
  });
});

describe('normalisation is idempotent, so exporting and importing again changes nothing', () => {
  it('reads back exactly what it writes, for every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FACILITY_FIELDS), quirkyCell, (field, cell) => {
        const first = readField(field, cell);
        if (!first.ok) return;
        const again = readField(field, writeField(field, first.value as never));
        expect(again).toEqual(first);
      }),
      // The shrunk counterexamples of earlier failures run first, every time.
      { numRuns: 2000, examples: [['departments', ';-']] },
    );
  });
});

describe('remembered cells (empty ones, and those of fields that repeat row after row)', () => {
  it('read as the field reader says, the same every time, and never as an array another row shares', () => {
    const cells = [
      '',
      '月火水木金',
      '9:00,14:00',
      '内科、外科',
      '131105',
      '病院',
      '東京都',
      '目黒区',
      '休止',
    ];
    for (const field of FACILITY_FIELDS) {
      for (const cell of cells) {
        const expected = FIELD_SPECS[field].read(cell);
        const first = readField(field, cell);
        const again = readField(field, cell);
        expect(first, `${field} ${cell}`).toEqual(expected);
        expect(again, `${field} ${cell}`).toEqual(expected);
        if (first.ok && Array.isArray(first.value)) {
          (first.value as unknown[]).push('changed');
          expect(readField(field, cell), `${field} ${cell}`).toEqual(expected);
        }
      }
    }
  });
});

describe('dates', () => {
  it('never throws on any text and only answers real ISO dates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: quirkyChar, maxLength: 16 }), fc.string()), (text) => {
        const date = parseJapaneseDate(text);
        if (date) expect(Number.isNaN(Date.parse(date.iso))).toBe(false);
        parseJapaneseDateRange(text);
      }),
      { numRuns: 1000 },
    );
  });
});
