import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { SourceEncoding } from '../../../../contracts/opendata';
import { toCp932Form } from './normalise-text';

export type FileKind =
  | { kind: 'xlsx' }
  | { kind: 'xls' }
  | { kind: 'text'; encoding: Exclude<SourceEncoding, 'xlsx'> };

/**
 * Tells what the bytes are: an Excel workbook (zip or the old OLE format) or text in one of the
 * encodings Japanese offices produce. A BOM decides; without one, valid UTF-8 is UTF-8, a text
 * with NUL in every other byte is UTF-16, and anything else is CP932 (Excel's "CSV" on Windows).
 */
export function detectFileKind(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { kind: 'xlsx' };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { kind: 'xls' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { kind: 'text', encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { kind: 'text', encoding: utf16 };
  return { kind: 'text', encoding: isUtf8(bytes) ? 'utf-8' : 'cp932' };
}

/** UTF-16 without BOM: in a sample, most even (BE) or odd (LE) bytes are NUL for ASCII-heavy CSV. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

const ICONV_NAME: Record<Exclude<SourceEncoding, 'xlsx'>, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  cp932: 'cp932',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/**
 * Decodes in slices so a large file never becomes one giant string at once; the caller feeds the
 * pieces to the CSV parser. The BOM is dropped.
 */
export function* decodeInSlices(
  bytes: Uint8Array,
  encoding: Exclude<SourceEncoding, 'xlsx'>,
  sliceBytes = 1 << 20,
): Generator<string> {
  const decoder = iconv.getDecoder(ICONV_NAME[encoding], { stripBOM: true });
  for (let offset = 0; offset < bytes.length; offset += sliceBytes) {
    const piece = decoder.write(
      Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(sliceBytes, bytes.length - offset)),
    );
    if (piece) yield piece;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/**
 * Text → CP932 bytes as Excel on Windows writes them. Characters CP932 spells differently (〜 −)
 * are written in its form first, so none becomes `?`.
 */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(toCp932Form(text), 'cp932');
}
