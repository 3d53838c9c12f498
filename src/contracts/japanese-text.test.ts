import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSearchDocument,
  documentGrams,
  foldOldKanji,
  gramCode,
  hiraganaToKatakana,
  kanjiToNumber,
  katakanaToHiragana,
  keywordGrams,
  normalizeSearchKey,
  splitSearchKeywords,
} from './japanese-text';

describe('normalizeSearchKey', () => {
  it('gives full-width, half-width and hiragana spellings of a word the same key', () => {
    const key = normalizeSearchKey('クリニック');
    expect(normalizeSearchKey('ｸﾘﾆｯｸ')).toBe(key);
    expect(normalizeSearchKey('くりにっく')).toBe(key);
    expect(key).toBe('くりにっく');
  });

  it('folds full-width Latin letters and digits and lower-cases them', () => {
    expect(normalizeSearchKey('ＡＢＣ　Ｃｌｉｎｉｃ')).toBe('abcclinic');
    expect(normalizeSearchKey('２４時間')).toBe('24時間');
  });

  it('drops long-vowel marks and every dash variant', () => {
    for (const spelling of [
      'センター',
      'センタ－',
      'ｾﾝﾀｰ',
      'センタ‐',
      'センタ―',
      'センタ−',
      'センタ〜',
      'センタ～',
    ]) {
      expect(normalizeSearchKey(spelling)).toBe('せんた');
    }
    expect(normalizeSearchKey('ケアマネージャー')).toBe(normalizeSearchKey('ケアマネジャー'));
    expect(normalizeSearchKey('上目黒1-2-3')).toBe(normalizeSearchKey('上目黒１−２−３'));
  });

  it('removes ASCII spaces and the ideographic space U+3000', () => {
    expect(normalizeSearchKey('めぐろ　青葉 内科')).toBe('めぐろ青葉内科');
  });

  it('folds old kanji forms for the key only', () => {
    expect(normalizeSearchKey('髙橋醫院')).toBe('高橋医院');
    expect(normalizeSearchKey('山﨑齒科')).toBe('山崎歯科');
    expect(normalizeSearchKey('渡邊藥局')).toBe('渡辺薬局');
    expect(normalizeSearchKey('齋藤')).toBe(normalizeSearchKey('斉藤'));
    expect(normalizeSearchKey('櫻井眞一')).toBe('桜井真一');
    expect(normalizeSearchKey('國廣澤濱')).toBe('国広沢浜');
  });

  it('treats ヶ, ケ and が between kanji in place names as one', () => {
    expect(normalizeSearchKey('自由ヶ丘')).toBe('自由が丘');
    expect(normalizeSearchKey('自由ケ丘')).toBe('自由が丘');
    expect(normalizeSearchKey('柿ノ木坂')).toBe(normalizeSearchKey('柿の木坂'));
  });

  it('expands enclosed characters such as ㈱ and ① through NFKC', () => {
    expect(normalizeSearchKey('㈱めぐろ①')).toBe('株めぐろ1');
  });

  it('is idempotent on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeSearchKey(text);
        expect(normalizeSearchKey(once)).toBe(once);
      }),
    );
  });
});

describe('kana conversion', () => {
  it('converts katakana to hiragana and back', () => {
    expect(katakanaToHiragana('メグロ ヴ')).toBe('めぐろ ゔ');
    expect(hiraganaToKatakana('めぐろ')).toBe('メグロ');
  });

  it('leaves kanji untouched when folding old forms that are not listed', () => {
    expect(foldOldKanji('目黒区')).toBe('目黒区');
  });
});

describe('splitSearchKeywords', () => {
  it('splits on any whitespace, normalises, and drops duplicates and empty parts', () => {
    expect(splitSearchKeywords('　歯科　上目黒  ｼｶ 歯科 ー ')).toEqual(['歯科', '上目黒', 'しか']);
  });

  it('keeps at most the given number of keywords', () => {
    expect(splitSearchKeywords('a b c d e f g h i j', 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('grams', () => {
  it('codes unigrams and bigrams as distinct 32-bit integers', () => {
    const codes = [gramCode('歯'), gramCode('歯', '科'), gramCode('科'), gramCode('科', '歯')];
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) {
      expect(code).toBeGreaterThanOrEqual(-(2 ** 31));
      expect(code).toBeLessThan(2 ** 31);
    }
  });

  it('gives the distinct grams of every word in ascending order, surrogate pairs as one character', () => {
    // The plain definition: each word's characters (code points), each unigram and each bigram.
    const byDefinition = (doc: string) => {
      const codes = new Set<number>();
      for (const word of doc.split(' ')) {
        const chars = Array.from(word);
        chars.forEach((ch, i) => {
          codes.add(gramCode(ch));
          if (i + 1 < chars.length) codes.add(gramCode(ch, chars[i + 1]));
        });
      }
      return [...codes].sort((x, y) => x - y);
    };
    expect(documentGrams('歯科 𠮷野家  a')).toEqual(byDefinition('歯科 𠮷野家  a'));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('歯', '科', ' ', 'a', '𠮷', '\ud800', '\udc00', 'ｱ') }),
        (doc) => {
          expect(documentGrams(doc)).toEqual(byDefinition(doc));
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (doc) => {
        expect(documentGrams(doc)).toEqual(byDefinition(doc));
      }),
    );
  });

  it('never builds a gram across the field separator', () => {
    const grams = documentGrams(buildSearchDocument(['歯科', '内科']));
    expect(grams).toContain(gramCode('歯', '科'));
    expect(grams).not.toContain(gramCode('科', '内'));
  });

  it('requires of a document every gram a contained keyword has', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
        const doc = normalizeSearchKey(text);
        const chars = Array.from(doc);
        if (chars.length === 0) return;
        const start = a % chars.length;
        const end = start + 1 + (b % (chars.length - start));
        const keyword = chars.slice(start, end).join('');
        const grams = new Set(documentGrams(doc));
        for (const g of keywordGrams(keyword)) expect(grams.has(g)).toBe(true);
      }),
    );
  });

  it('never produces a gram in the range reserved for municipality elements (control characters)', () => {
    const doc = normalizeSearchKey('a\u0001b\u0009c\u001f歯科');
    expect(doc).toBe('abc歯科');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const g of documentGrams(normalizeSearchKey(text)))
          expect(g).toBeGreaterThanOrEqual(-(2 ** 31) + 0x20 * 65_536);
      }),
    );
  });

  it('uses the unigram for a one-character keyword and caps long keywords at 8 bigrams', () => {
    expect(keywordGrams('歯')).toEqual([gramCode('歯')]);
    expect(keywordGrams('歯科')).toEqual([gramCode('歯', '科')]);
    expect(keywordGrams('めぐろあおばないかくりにっく').length).toBe(8);
  });
});

describe('kanjiToNumber', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['二〇', 20],
  ])('reads %s as %i', (kanji, value) => {
    expect(kanjiToNumber(kanji)).toBe(value);
  });

  it('refuses what is not a kanji numeral', () => {
    expect(kanjiToNumber('百')).toBeNull();
    expect(kanjiToNumber('十十')).toBeNull();
    expect(kanjiToNumber('1')).toBeNull();
  });
});
