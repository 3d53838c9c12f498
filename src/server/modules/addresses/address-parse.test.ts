import { describe, expect, it } from 'vitest';
import { parseStreetAddress } from './address-parse';

const towns = [
  { name: '原町', hasChome: true },
  { name: '自由が丘', hasChome: true },
  { name: '五本木', hasChome: true },
  { name: '三田', hasChome: true },
  { name: '目黒', hasChome: true },
  { name: '目黒本町', hasChome: true },
  { name: '碑文谷', hasChome: true },
  // A fictional town without 丁目: its first number is the 番.
  { name: '大字東', hasChome: false },
];
const parse = (text: string) => parseStreetAddress(text, { prefixes: ['東京都', '目黒区'], towns });

describe('parseStreetAddress', () => {
  it.each([
    '目黒区原町1-1-1',
    '東京都目黒区原町1-1-1',
    '原町1-1-1',
    '原町一丁目1番1号',
    '原町1丁目1番1号',
    '原町１－１－１',
    '東京都 目黒区 原町 1-1-1',
    '東京都　目黒区　原町一丁目１番１号',
    '原町1ー1ー1',
    '原町1−1−1',
    '原町1丁目1-1',
    '原町一丁目一番一号',
    '原町1の1の1',
    '原町1丁目1番地1',
    '原町1丁目1番地の1',
    '〒152-0011 東京都目黒区原町1-1-1',
    '原町1-1-1 メゾン原町101号室',
    '原町1-1-1-101',
  ])('reads %s as 原町 1丁目 1番 1号', (text) => {
    expect(parse(text)).toEqual({
      town: '原町',
      chome: 1,
      block: '1',
      residence: '1',
      requested: 'residence',
    });
  });

  it('reads two numbers of a town with 丁目 as 丁目 and 番 (the issue’s 目黒区原町1-1)', () => {
    expect(parse('目黒区原町1-1')).toEqual({
      town: '原町',
      chome: 1,
      block: '1',
      residence: null,
      requested: 'block',
    });
    expect(parse('原町二丁目12番')).toMatchObject({
      chome: 2,
      block: '12',
      residence: null,
      requested: 'block',
    });
  });

  it('reads a 丁目 alone, and a town alone', () => {
    expect(parse('原町二丁目')).toMatchObject({ town: '原町', chome: 2, block: null, requested: 'chome' });
    expect(parse('原町2')).toMatchObject({ chome: 2, block: null, requested: 'chome' });
    expect(parse('目黒区原町')).toEqual({
      town: '原町',
      chome: null,
      block: null,
      residence: null,
      requested: 'town',
    });
  });

  it('reads 番 and 号 without a 丁目 as they are labelled', () => {
    expect(parse('原町1番2号')).toMatchObject({
      chome: null,
      block: '1',
      residence: '2',
      requested: 'residence',
    });
  });

  it('reads the first number of a town without 丁目 as its 番', () => {
    expect(parse('大字東12-3')).toMatchObject({ town: '大字東', chome: null, block: '12', residence: '3' });
    expect(parse('大字東12番地')).toMatchObject({ block: '12', residence: null, requested: 'block' });
  });

  it('takes the longest town the text starts with', () => {
    expect(parse('目黒本町3-4-5')).toMatchObject({ town: '目黒本町', chome: 3, block: '4', residence: '5' });
    expect(parse('目黒3-4-5')).toMatchObject({ town: '目黒', chome: 3 });
  });

  it('keeps kanji numerals that are part of a town name', () => {
    expect(parse('五本木二丁目3番4号')).toMatchObject({
      town: '五本木',
      chome: 2,
      block: '3',
      residence: '4',
    });
    expect(parse('三田三丁目10-2')).toMatchObject({ town: '三田', chome: 3, block: '10', residence: '2' });
    expect(parse('碑文谷十二丁目')).toMatchObject({ town: '碑文谷', chome: 12 });
  });

  it('finds a town however its ヶ or width is typed', () => {
    expect(parse('自由ヶ丘2-10-5')).toMatchObject({
      town: '自由が丘',
      chome: 2,
      block: '10',
      residence: '5',
    });
    expect(parse('自由ケ丘２丁目')).toMatchObject({ town: '自由が丘', chome: 2 });
  });

  it('answers null when the text starts with no known town', () => {
    expect(parse('霞が関1-1-1')).toBeNull();
    expect(parse('千代田区原町1-1')).toBeNull();
    expect(parse('1-1-1')).toBeNull();
    expect(parse('')).toBeNull();
  });
});
