/**
 * Text clean-up shared by every field. Each function is idempotent (f(f(x)) = f(x)): the exporter
 * writes normalised values, so importing an export must read back exactly the same.
 */

// Characters that Shift_JIS (JIS X 0208) and Windows' CP932 map differently. We store the CP932 form
// so a value survives a UTF-8 → CP932 → UTF-8 round trip unchanged (STANDARDS.md: 〜/～ and −/－).
const TO_CP932_FORM: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u2016': '\u2225', // ‖ → ∥
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u2014': '\u2015', // — EM DASH → ―
};
const CP932_VARIANTS = /[\u301C\u2212\u2016\u00A2\u00A3\u00AC\u2014]/g;
// C0 controls except tab and newline, DEL, and lone surrogates (never valid text).
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]+/g;
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;
const LINE_END_SPACE = /[ \t\u3000]+\n/g;
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  /[\u0000-\u001F\u007F\uFF61-\uFF9F\u301C\u2212\u2016\u00A2\u00A3\u00AC\u2014\uD800-\uDFFF]|^[\s\u3000]|[\s\u3000]$/;

/** CP932 form of the characters the two Japanese encodings disagree on. */
export function toCp932Form(text: string): string {
  return text.replace(CP932_VARIANTS, (ch) => TO_CP932_FORM[ch] ?? ch);
}

/**
 * The clean-up every cell gets: one newline style, half-width katakana made full-width, CP932
 * forms, control characters removed, spaces trimmed at both ends and at line ends.
 */
export function cleanText(input: string): string {
  // Most cells need nothing: one scan decides (an import reads millions of cells).
  if (!NEEDS_CLEANING.test(input)) return input;
  let text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  text = text.replace(CONTROL, '');
  text = text.replace(HALF_WIDTH_KANA, (run) => run.normalize('NFKC'));
  text = toCp932Form(text);
  if (text.includes('\n')) text = text.replace(LINE_END_SPACE, '\n');
  return text.replace(EDGE_SPACE, '');
}

/** Full-width ASCII (digits, letters, signs) and the ideographic space → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2015\u2212\uFF0D\u30FC\uFF70\u2500\u2501\u002D';
const DASH_BETWEEN_DIGITS = new RegExp(`(?<=\\d)\\s*[${DASHES}]\\s*(?=\\d)`, 'g');

/** Every dash-like mark between two digits → `-` (住所の番地, phone numbers). */
export function unifyDigitDashes(text: string): string {
  return text.replace(DASH_BETWEEN_DIGITS, '-');
}

/** Cell values that mean "nothing here" in structured columns (never in free text: 無 is a value there). */
const EMPTY_MARKERS = new Set([
  '-',
  '－',
  '―',
  'ー',
  '‐',
  '—',
  '–',
  'なし',
  '無し',
  '不明',
  '該当なし',
  '×',
  'NULL',
  'null',
]);

export function isEmptyMarker(text: string): boolean {
  return text === '' || EMPTY_MARKERS.has(text);
}

/** Katakana reading: half-width and hiragana → full-width katakana, spaces collapsed to one. */
export function toKatakana(text: string): string {
  const full = cleanText(text)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => ch.normalize('NFKC'))
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
  return full.replace(/[\s\u3000]+/g, ' ');
}

/** Identifiers and codes: half-width, no spaces inside. */
export function toIdentifier(text: string): string {
  return toHalfWidth(cleanText(text)).replace(/\s+/g, '');
}

/** English names: full-width Latin letters → half-width, spaces collapsed. */
export function toLatinText(text: string): string {
  return toHalfWidth(cleanText(text)).replace(/\s+/g, ' ');
}
