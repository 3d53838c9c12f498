/**
 * Japanese search keys: the same text typed in different ways must give the same key.
 * Used for the directory's precomputed search text, for search queries, and by the importer.
 * Keys are for matching only; never show them to anyone.
 */

/**
 * Old (旧字体) and variant kanji → the form used in the search key. Names keep their real
 * spelling (髙橋 stays 髙橋 on screen); only the key folds them so 高橋 finds 髙橋.
 * NFKC already folds the CJK compatibility block, except the twelve "unified" code points
 * such as 﨑 (U+FA11), which are listed here.
 */
export const oldKanjiMap: Readonly<Record<string, string>> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  邊: '辺',
  邉: '辺',
  齋: '斉',
  齊: '斉',
  斎: '斉',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  廣: '広',
  國: '国',
  圀: '国',
  櫻: '桜',
  眞: '真',
  醫: '医',
  藥: '薬',
  齒: '歯',
  會: '会',
  學: '学',
  實: '実',
  榮: '栄',
  德: '徳',
  惠: '恵',
  圓: '円',
  嶋: '島',
  嶌: '島',
  峯: '峰',
  冨: '富',
  藏: '蔵',
  靜: '静',
  縣: '県',
  驛: '駅',
  鐵: '鉄',
  氣: '気',
  豐: '豊',
  壽: '寿',
  險: '険',
  應: '応',
  條: '条',
  與: '与',
  萬: '万',
  龍: '竜',
  瀨: '瀬',
  淺: '浅',
  曾: '曽',
  﨔: '欅',
  槇: '槙',
  禮: '礼',
  恆: '恒',
  黑: '黒',
};

const oldKanjiPattern = new RegExp(`[${Object.keys(oldKanjiMap).join('')}]`, 'gu');

/**
 * Long-vowel marks, dashes, tildes and punctuation: dropped from keys (センター = センタ－ = センタ).
 * Control characters too: grams of U+0000–U+001F are reserved for the municipality element of the
 * directory's scoped gram index.
 */
const droppedCharacters =
  /[\p{Cc}\s\-‐‑‒–—―−─━ー〜~〰・･·、。，．,.!?！？()（）[\]{}「」『』【】〔〕<>＜＞"'’‘“”/／:：;；&＆*＊+＋=＝|｜\\_]/gu;

const smallKeLike = /[ヵヶゕゖ]/gu;
/** け or が written between two kanji in a place name (自由ケ丘 = 自由ヶ丘 = 自由が丘). */
const keBetweenKanji = /(?<=\p{Script=Han})[けが](?=\p{Script=Han})/gu;

/** Full-width katakana → hiragana (ヴ → ゔ); other characters unchanged. */
export function katakanaToHiragana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - 0x60) : ch;
  }
  return out;
}

/** Hiragana → full-width katakana (for showing a normalised reading as 名称_カナ). */
export function hiraganaToKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp >= 0x3041 && cp <= 0x3096 ? String.fromCodePoint(cp + 0x60) : ch;
  }
  return out;
}

/** Folds the old and variant kanji of `oldKanjiMap` to their everyday form. */
export function foldOldKanji(text: string): string {
  return text.replace(oldKanjiPattern, (ch) => oldKanjiMap[ch] ?? ch);
}

/**
 * The search key of a text: NFKC (full/half width, ㈱ → (株)), lower case, katakana → hiragana,
 * old kanji folded, ヶ/ケ/が between kanji unified, and spaces (incl. U+3000), long-vowel marks,
 * dashes and punctuation removed.
 */
export function normalizeSearchKey(text: string): string {
  return foldOldKanji(katakanaToHiragana(text.normalize('NFKC').toLowerCase().replace(smallKeLike, 'が')))
    .replace(droppedCharacters, '')
    .replace(keBetweenKanji, 'が');
}

/** Splits a search box input into normalised keywords (all must match), dropping duplicates. */
export function splitSearchKeywords(query: string, max = 8): string[] {
  const keywords: string[] = [];
  for (const part of query.normalize('NFKC').split(/\s+/u)) {
    const key = normalizeSearchKey(part);
    if (key && !keywords.includes(key)) keywords.push(key);
    if (keywords.length >= max) break;
  }
  return keywords;
}

/**
 * Normalises several fields into one document key, fields separated by one space so that no
 * keyword (which never contains a space) matches across two fields.
 */
export function buildSearchDocument(fields: Array<string | null | undefined>): string {
  const keys: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    const key = normalizeSearchKey(field);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys.join(' ');
}

const TWO_POW_31 = 2_147_483_648;

/** Characters beyond the BMP fold into the private-use block U+F000–U+FFFF (never onto U+0000–U+001F). */
const foldToBmp = (cp: number) => (cp > 0xffff ? 0xf000 | (cp & 0x0fff) : cp);

/**
 * A unigram or bigram as one signed 32-bit integer: (first << 16 | second) − 2³¹, exact for the
 * Basic Multilingual Plane (a unigram has second = 0). Characters beyond it are folded, which can
 * only add candidates: the search always re-checks with LIKE. Codes whose first character is a
 * control character (below U+0020) never occur and are reserved for the municipality element.
 */
export function gramCode(first: string, second?: string): number {
  const a = foldToBmp(first.codePointAt(0) ?? 0);
  const b = second === undefined ? 0 : foldToBmp(second.codePointAt(0) ?? 0);
  return a * 65_536 + b - TWO_POW_31;
}

/**
 * Every distinct unigram and bigram code of a search document (no gram spans a space), ascending.
 * Written for bulk loads (an import builds one per facility): code points are read in place and
 * the codes gathered in an Int32Array, so no per-character strings and no boxed numbers.
 */
export function documentGrams(document: string): number[] {
  const codes = new Int32Array(document.length * 2);
  let count = 0;
  let previous = -1; // the previous character of this word, -1 at a word's start
  for (let i = 0; i < document.length; i++) {
    let cp = document.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < document.length) {
      const low = document.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp === 0x20) {
      previous = -1;
      continue;
    }
    const folded = foldToBmp(cp);
    codes[count++] = folded * 65_536 - TWO_POW_31;
    if (previous >= 0) codes[count++] = previous * 65_536 + folded - TWO_POW_31;
    previous = folded;
  }
  const sorted = codes.subarray(0, count).sort();
  const grams: number[] = [];
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) grams.push(sorted[i] as number);
  return grams;
}

/**
 * The grams a document must contain to contain `keyword`: its one unigram, or all its bigrams.
 * Long keywords are capped at 8 bigrams (spread over the word): enough to be selective, and
 * LIKE re-checks the rest.
 */
export function keywordGrams(keyword: string): number[] {
  const chars = Array.from(keyword);
  if (chars.length === 0) return [];
  if (chars.length === 1) return [gramCode(chars[0] as string)];
  const all: number[] = [];
  for (let i = 0; i + 1 < chars.length; i++) all.push(gramCode(chars[i] as string, chars[i + 1]));
  const unique = [...new Set(all)];
  if (unique.length <= 8) return unique;
  const step = (unique.length - 1) / 7;
  return [...new Set(Array.from({ length: 8 }, (_, i) => unique[Math.round(i * step)] as number))];
}

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * A number written in kanji numerals, as in 一丁目 or 一般五〇床: 一 → 1, 十二 → 12, 二十 → 20,
 * 二〇 → 20; up to 99 with 十 (addresses and counts in the files stay far below 100 when written so).
 */
export function kanjiToNumber(kanji: string): number | null {
  if (!/^[〇一二三四五六七八九十]+$/u.test(kanji)) return null;
  if (!kanji.includes('十')) {
    return Number([...kanji].map((ch) => KANJI_DIGITS[ch]).join(''));
  }
  const [tens = '', ones = ''] = kanji.split('十');
  if (kanji.split('十').length > 2 || tens.length > 1 || ones.length > 1) return null;
  return (tens ? (KANJI_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (KANJI_DIGITS[ones] ?? 0) : 0);
}
