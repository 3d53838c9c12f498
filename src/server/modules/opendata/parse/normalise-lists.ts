import { cleanText, isEmptyMarker } from './normalise-text';
import { accept, type Normalised } from './normalise-values';

// Separators that always separate list items. `・` is not one: it also joins the words of one
// department (乳腺・内分泌外科), see splitOnNakaguro.
const STRONG_SEPARATORS = /[;；、,，/／\n|｜]+/;
const DEPARTMENT_END = /(科|外来|クリニック|ケア|診療|ドック|検診|健診|リハビリテーション)$/;

/**
 * 診療科目 and other lists, whatever separators the file mixes (`;` `；` `、` `,` `/` `・`), without
 * splitting a department whose name contains `・`: `内科・外科` is two items, `乳腺・内分泌外科` one.
 * Items keep their order; duplicates go.
 */
export function normaliseList(raw: string): Normalised<string[]> {
  const text = cleanText(raw);
  if (isEmptyMarker(text)) return accept([]);
  const items: string[] = [];
  for (const piece of text.split(STRONG_SEPARATORS)) {
    for (const item of splitOnNakaguro(piece.trim())) {
      const clean = item.replace(/[\s\u3000]+/g, ' ').trim();
      // An item that is only a "none" mark (`-`, `なし`) is no item: kept, it would be written
      // back alone as `-` and read as an empty list the next time.
      if (clean !== '' && !isEmptyMarker(clean) && !items.includes(clean)) items.push(clean);
    }
  }
  return accept(items);
}

/** Splits on `・` only when every part is a department name by itself (ends in 科 or the like). */
function splitOnNakaguro(piece: string): string[] {
  if (!piece.includes('・')) return [piece];
  const parts = piece.split('・').map((p) => p.trim());
  return parts.every((p) => DEPARTMENT_END.test(p)) ? parts : [piece];
}

/** How the standard writes 診療科目 (`、` in practice). */
export function formatList(items: readonly string[]): string {
  return items.join('、');
}
