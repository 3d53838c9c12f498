import { describe, expect, it } from 'vitest';
import { documentGrams } from '../../../contracts/japanese-text';
import { buildSearchFields, type SearchSource } from './search-document';

const none: Omit<SearchSource, 'name' | 'type'> = {
  name_kana: null,
  name_en: null,
  address_city: null,
  address_town: null,
  address_block: null,
  address_building: null,
  town: null,
  districtName: null,
  departments: [],
  languages: [],
  capabilityNames: [],
};

describe('buildSearchFields', () => {
  it('gives each word once, the names first, and keys the name and kana as the search normalises them', () => {
    const fields = buildSearchFields({
      ...none,
      name: 'ＡＢＣ　クリニック',
      name_kana: 'ｴｰﾋﾞｰｼｰ ｸﾘﾆｯｸ',
      name_en: 'ABC Clinic',
      type: 'clinic',
      address_city: '目黒区',
      address_town: '中目黒２丁目',
      address_block: '２－３－４',
      town: '中目黒',
      districtName: '北部',
      departments: ['内科', '小児科'],
      capabilityNames: ['訪問診療'],
    });
    expect(fields.search_text).toBe(
      'abcくりにっく えびしくりにっく abcclinic 234 診療所 くりにっく 医院 目黒区 中目黒2丁目 中目黒 北部 内科 小児科 訪問診療',
    );
    expect(fields.name_key).toBe('abcくりにっく えびしくりにっく abcclinic');
    expect(fields.kana_key).toBe('えびしくりにっく');
    expect(fields.search_grams).toEqual(documentGrams(fields.search_text));
  });

  it('keys a facility without kana by its name, with old kanji folded', () => {
    const fields = buildSearchFields({ ...none, name: '髙﨑医院', name_kana: '', type: 'clinic' });
    expect(fields).toMatchObject({
      search_text: '高崎医院 診療所 くりにっく 医院',
      name_key: '高崎医院',
      kana_key: '高崎医院',
    });
  });
});
