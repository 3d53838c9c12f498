import { describe, expect, it } from 'vitest';
import { normalizeSearchKey } from '../../../contracts/japanese-text';
import { keywordAlternatives } from './search-readings';

describe('keywordAlternatives', () => {
  it('adds the written words of a reading, after the keyword itself', () => {
    expect(keywordAlternatives(normalizeSearchKey('はいしゃ'))).toEqual(['はいしゃ', '歯医者', '歯科']);
    expect(keywordAlternatives(normalizeSearchKey('ホウモンシンリョウ'))).toEqual([
      'ほうもんしんりょう',
      '訪問診療',
    ]);
  });

  it('leaves other keywords alone, including a reading inside a longer word', () => {
    expect(keywordAlternatives('歯科')).toEqual(['歯科']);
    expect(keywordAlternatives(normalizeSearchKey('はいしゃさん'))).toEqual(['はいしゃさん']);
  });
});
