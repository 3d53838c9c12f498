import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvSplitter, MAX_RECORD_CHARS } from './csv-splitter';

/** Splits text fed in slices of the given sizes (cycled): records, or the error's line. */
function split(text: string, sizes: number[] = [text.length || 1]): string[][] | { error: number } {
  const splitter = new CsvSplitter();
  const records: string[][] = [];
  try {
    for (let at = 0, i = 0; at < text.length; i++) {
      const size = Math.max(1, sizes[i % sizes.length] ?? 1);
      records.push(...splitter.push(text.slice(at, at + size)));
      at += size;
    }
    records.push(...splitter.end());
    return records;
  } catch (error) {
    if (error instanceof CsvError) return { error: error.line };
    throw error;
  }
}

/** csv-parse with the options the reader used before: the reference for every input. */
function reference(text: string): string[][] | { error: number } {
  try {
    return parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    return { error: ((error as { records?: number }).records ?? 0) + 1 };
  }
}

describe('CsvSplitter', () => {
  it('splits quoted cells with commas, doubled quotes and line breaks, and keeps stray quotes', () => {
    const text =
      'ID,名称,備考\r\n1,"架空病院, 本院","1行目\n2行目 ""注""\r\n"\r\n2,架空"医院",\r\n\r\n3,最後';
    expect(split(text)).toEqual([
      ['ID', '名称', '備考'],
      ['1', '架空病院, 本院', '1行目\n2行目 "注"\r\n'],
      ['2', '架空"医院"', ''],
      [''],
      ['3', '最後'],
    ]);
  });

  it('names the record of an unclosed quote or of text after a closing quote', () => {
    expect(split('a,b\r\n1,"open\r\n2,x\r\n')).toEqual({ error: 2 });
    expect(split('a,b\n"x"y,"A"棟\n')).toEqual([
      ['a', 'b'],
      ['"x"y', '"A"棟'],
    ]);
  });

  it('gives up on a record past a million characters (an open quote) without rescanning the file', () => {
    const text = `a,b\n1,"open${'x'.repeat(1_500_000)}\n${'2,y\n'.repeat(500_000)}`;
    expect(split(text, [1 << 16])).toEqual({ error: 2 });
    // It stops within the first ~million characters of the record, not at the end of the file.
    const splitter = new CsvSplitter();
    let fed = 0;
    expect(() => {
      for (; fed < text.length; fed += 1 << 16) [...splitter.push(text.slice(fed, fed + (1 << 16)))];
    }).toThrow(CsvError);
    expect(fed).toBeLessThan(MAX_RECORD_CHARS + 2 * (1 << 16));
  });

  it('reads every input as csv-parse did, in whatever slices the text arrives', () => {
    const piece = fc.constantFrom(
      'a',
      '架空',
      ',',
      '"',
      '""',
      '\r\n',
      '\n',
      '\r',
      ' ',
      '\uFFFD',
      '\t',
      ',"',
      '"\r',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        (text, sizes) => {
          const expected = reference(text);
          expect(split(text)).toEqual(expected);
          expect(split(text, sizes)).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
