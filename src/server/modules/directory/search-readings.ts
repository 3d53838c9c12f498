import { normalizeSearchKey } from '../../../contracts/japanese-text';

/**
 * Words residents type in kana (or in everyday words) for what the documents hold in kanji: はいしゃ
 * finds nothing in 「歯科医院 歯医者」. A keyword that is exactly one of these also matches its
 * written forms (it still matches itself, so a kana name like しかま… is not lost). Whole keywords
 * only: a reading inside a longer word is too often something else.
 */
const readings: Record<string, string[]> = {
  はいしゃ: ['歯医者', '歯科'],
  しか: ['歯科'],
  しかいいん: ['歯科医院'],
  ほうもんしか: ['訪問歯科'],
  ほうもんしんりょう: ['訪問診療'],
  おうしん: ['往診'],
  ほうもんかんご: ['訪問看護'],
  かんごし: ['訪問看護'],
  ほうもんりはびり: ['訪問リハビリ'],
  りはびり: ['リハビリ'],
  みとり: ['看取り'],
  かんわけあ: ['緩和ケア'],
  にんちしょう: ['認知症'],
  やっきょく: ['薬局'],
  くすりや: ['薬局'],
  ちょうざい: ['調剤'],
  びょういん: ['病院'],
  しんりょうじょ: ['診療所'],
  いいん: ['医院'],
  おいしゃさん: ['医院', 'クリニック'],
  ないか: ['内科'],
  げか: ['外科'],
  せいけいげか: ['整形外科'],
  ひふか: ['皮膚科'],
  がんか: ['眼科'],
  めいしゃ: ['眼科'],
  じびか: ['耳鼻'],
  しょうにか: ['小児科'],
  しょうにかい: ['小児科'],
  せいしんか: ['精神科'],
  しんりょうないか: ['心療内科'],
  ほうかつ: ['包括'],
  ちいきほうかつ: ['地域包括'],
  けあまね: ['ケアマネジャー', '居宅介護支援'],
  かいご: ['介護'],
};

const byKey = new Map<string, string[]>(
  Object.entries(readings).map(([reading, words]) => [
    normalizeSearchKey(reading),
    words.map(normalizeSearchKey),
  ]),
);

/** The normalised keyword and what else it stands for (normalised), the keyword first. */
export function keywordAlternatives(keyword: string): string[] {
  return [keyword, ...(byKey.get(keyword) ?? []).filter((w) => w !== keyword)];
}
