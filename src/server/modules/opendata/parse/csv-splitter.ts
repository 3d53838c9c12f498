/**
 * CSV records from decoded text that arrives in slices, as Excel and municipal systems write it:
 * comma-separated, quoted cells may hold commas, doubled quotes and line breaks, and a quote
 * inside an unquoted cell is kept as it is (so is a quoted part followed by more text, `"A"棟`,
 * quotes included, as csv-parse's relax_quotes read it). The record delimiter is the first line break met
 * outside quotes (CRLF, LF or CR), and only that one ends records afterwards. An empty line is
 * a record of one empty cell (a spreadsheet counts it as a row).
 *
 * Written for large files (the import's reading worker splits every record of a national list):
 * a record is cut out of the text with indexOf and slice, without a character-by-character
 * state machine or a stream between decoder and parser.
 */
/**
 * A record's text may not run longer (a facility row is a few kilobytes): past it, a quote is left
 * open, and reading on would scan the rest of the file again with every slice.
 */
export const MAX_RECORD_CHARS = 1_000_000;

export class CsvSplitter {
  private pending = '';
  private delimiter: '\r\n' | '\n' | '\r' | undefined;
  /** Records split so far (the line number a spreadsheet shows for the last one). */
  records = 0;

  /** Complete records of the text seen so far; the rest waits for the next slice. */
  *push(slice: string): Generator<string[]> {
    yield* this.split(this.pending + slice, false);
  }

  /** The last record (the text needs no line break at its end). */
  *end(): Generator<string[]> {
    yield* this.split(this.pending, true);
    this.pending = '';
  }

  private *split(text: string, final: boolean): Generator<string[]> {
    let at = 0;
    while (at < text.length) {
      const record = this.record(text, at, final);
      if (!record) break;
      this.records++;
      yield record.cells;
      at = record.next;
    }
    this.pending = at < text.length ? text.slice(at) : '';
    if (this.pending.length > MAX_RECORD_CHARS)
      throw new CsvError('Quote Not Closed: a record runs past a million characters', this.records + 1);
  }

  /** One record starting at `at`, or undefined when its end is not in the text yet. */
  private record(text: string, at: number, final: boolean): { cells: string[]; next: number } | undefined {
    const cells: string[] = [];
    let pos = at;
    for (;;) {
      let end: number;
      if (text.charCodeAt(pos) === 0x22) {
        const quoted = this.quoted(text, pos, final);
        if (!quoted) return undefined;
        end = quoted.next;
        const ends = this.endsCell(text, end, final);
        if (ends === undefined) return undefined;
        if (ends) cells.push(quoted.value);
        else {
          // Text after the closing quote: the quotes were the cell's own characters.
          let rest = this.unquotedEnd(text, end, final);
          if (rest < 0) {
            if (!final) return undefined;
            rest = text.length;
          }
          cells.push(`"${quoted.value}"${text.slice(end, rest)}`);
          end = rest;
        }
      } else {
        end = this.unquotedEnd(text, pos, final);
        if (end < 0) {
          if (!final) return undefined;
          end = text.length;
        }
        cells.push(text.slice(pos, end));
      }
      if (end >= text.length) return final ? { cells, next: text.length } : undefined;
      if (text.charCodeAt(end) === 0x2c) {
        pos = end + 1;
        continue;
      }
      const after = this.breakAt(text, end, final);
      if (after === undefined) return undefined;
      return { cells, next: after };
    }
  }

  /** A quoted cell from its opening quote: its value and where the text after it starts. */
  private quoted(text: string, open: number, final: boolean): { value: string; next: number } | undefined {
    let value = '';
    let from = open + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) {
        if (final)
          throw new CsvError('Quote Not Closed: the file ends inside a quoted cell', this.records + 1);
        return undefined;
      }
      value += text.slice(from, quote);
      if (quote + 1 === text.length && !final) return undefined;
      if (text.charCodeAt(quote + 1) === 0x22) {
        value += '"';
        from = quote + 2;
        continue;
      }
      return { value, next: quote + 1 };
    }
  }

  /** Whether the cell ends at `at` (end of text, comma or record delimiter); undefined: not known yet. */
  private endsCell(text: string, at: number, final: boolean): boolean | undefined {
    if (at >= text.length) return final ? true : undefined;
    const c = text.charCodeAt(at);
    if (c === 0x2c) return true;
    if (c !== 0x0a && c !== 0x0d) return false;
    const delimiter = this.delimiter;
    if (delimiter === undefined) return true;
    if (delimiter === '\r\n' && c === 0x0d && at + 1 === text.length) return final ? false : undefined;
    return text.startsWith(delimiter, at);
  }

  /** Where an unquoted cell ends: at the next comma or record delimiter; -1 when not in the text. */
  private unquotedEnd(text: string, from: number, final: boolean): number {
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2c) return i;
      if (c === 0x0a || c === 0x0d) {
        const delimiter = this.delimiter;
        if (delimiter === undefined) {
          // Is this CR the start of a CRLF? Not known before the next character arrives.
          if (c === 0x0d && i + 1 === text.length && !final) return -1;
          return i;
        }
        if (delimiter === '\n' ? c === 0x0a : text.startsWith(delimiter, i)) return i;
        if (delimiter === '\r\n' && c === 0x0d && i + 1 === text.length && !final) return -1;
      }
    }
    return -1;
  }

  /**
   * The start of the next record, at a record delimiter that ends a cell (the first one met
   * decides which delimiter the file uses); undefined when more text is needed to tell.
   */
  private breakAt(text: string, at: number, final: boolean): number | undefined {
    if (this.delimiter === undefined) {
      if (text.charCodeAt(at) === 0x0a) this.delimiter = '\n';
      else {
        if (at + 1 === text.length && !final) return undefined;
        this.delimiter = text.charCodeAt(at + 1) === 0x0a ? '\r\n' : '\r';
      }
    }
    return at + this.delimiter.length;
  }
}

/** A CSV the splitter cannot read, with the record (spreadsheet line) where it shows. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}
