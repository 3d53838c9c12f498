import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality, MUNICIPALITIES } from '../../../../test/support/factories/accounts';
import {
  createMeguro,
  createTestFacility,
  type FacilityInput,
} from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { FacilitySearchResponse } from '../../../contracts/directory';
import { distanceMeters } from './geo';

const address = (town: string, block = '1-1') => ({
  prefecture: '東京都',
  city: '目黒区',
  town,
  block,
  building: null,
});

const golden: Record<string, FacilityInput> = {
  aoba: {
    name: 'めぐろ青葉内科クリニック',
    kana: 'メグロアオバナイカクリニック',
    nameEn: 'Meguro Aoba Internal Medicine Clinic',
    departments: ['内科', '消化器内科'],
    addressBlock: address('青葉台二丁目', '12-3'),
    location: { lat: 35.65, lng: 139.692 },
    capabilities: ['home_visit', 'house_call'],
  },
  takahashi: {
    type: 'dental_clinic',
    name: '髙橋歯科医院',
    kana: 'タカハシシカイイン',
    addressBlock: address('中目黒三丁目'),
    location: { lat: 35.64, lng: 139.7 },
    capabilities: ['dental_home_visit'],
  },
  yamazaki: {
    name: '山﨑眼科',
    kana: 'ヤマザキガンカ',
    departments: ['眼科'],
    addressBlock: address('自由が丘一丁目'),
    location: { lat: 35.609, lng: 139.67 },
  },
  sakura: {
    type: 'pharmacy',
    name: 'さくら薬局 目黒本町店',
    kana: 'サクラヤッキョク メグロホンチョウテン',
    addressBlock: address('目黒本町三丁目'),
    location: { lat: 35.623, lng: 139.7 },
    capabilities: ['sterile_compounding', 'opioid_pump'],
  },
  himawari: {
    type: 'visiting_nurse_station',
    name: 'ひまわり訪問看護ステーション',
    kana: 'ヒマワリホウモンカンゴステーション',
    addressBlock: address('碑文谷四丁目'),
    location: { lat: 35.621, lng: 139.688 },
    capabilities: ['round_the_clock', 'end_of_life'],
  },
  watanabe: {
    name: '渡邊整形外科',
    kana: 'ワタナベセイケイゲカ',
    departments: ['整形外科', 'リハビリテーション科'],
    addressBlock: address('駒場一丁目'),
    location: { lat: 35.659, lng: 139.68 },
    capabilities: ['home_rehab'],
  },
  closed: {
    name: '閉院テスト内科',
    status: 'closed',
    departments: ['内科'],
    addressBlock: address('青葉台一丁目'),
  },
};

describe('public facility search', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    await createMeguro(t.db);
    for (const [key, input] of Object.entries(golden)) {
      ids[key] = (await createTestFacility(t.db, input)).id;
      names.set(ids[key] as string, key);
    }
    const sapporo = await createMunicipality(t.db, MUNICIPALITIES.sapporo);
    await createTestFacility(t.db, {
      municipalityCode: sapporo,
      type: 'dental_clinic',
      name: '札幌髙橋歯科',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(query: string): Promise<FacilitySearchResponse> {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/facilities?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const keysOf = (r: FacilitySearchResponse) => r.items.map((i) => names.get(i.id)).sort();
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  const goldenQueries: Array<[string, string[]]> = [
    ['歯科', ['takahashi']],
    ['歯', ['takahashi']],
    ['眼科', ['yamazaki']],
    ['眼', ['yamazaki']],
    ['高橋', ['takahashi']],
    ['山崎', ['yamazaki']],
    ['渡辺', ['watanabe']],
    ['アオバ', ['aoba']],
    ['ｱｵﾊﾞ', ['aoba']],
    ['めぐろあおば', ['aoba']],
    ['ＡＯＢＡ', ['aoba']],
    ['ｽﾃｰｼｮﾝ', ['himawari']],
    ['ステ－ション', ['himawari']],
    ['目黒本町', ['sakura']],
    ['自由ヶ丘', ['yamazaki']],
    ['自由ケ丘', ['yamazaki']],
    ['整形外科', ['watanabe']],
    ['消化器', ['aoba']],
    ['無菌調剤', ['sakura']],
    ['看取り', ['himawari']],
    ['内科 青葉', ['aoba']],
    ['内科　青葉', ['aoba']],
    ['歯科 目黒本町', []],
    ['12-3', ['aoba']],
    ['１２－３', ['aoba']],
    // Readings residents type (issue 13 §4): the kana of what the documents hold in kanji.
    ['はいしゃ', ['takahashi']],
    ['ハイシャ', ['takahashi']],
    ['ほうもんしんりょう', ['aoba']],
    ['ほうもんかんご', ['himawari']],
    ['やっきょく', ['sakura']],
    ['がんか', ['yamazaki']],
    ['しか', ['takahashi']],
  ];

  for (const [text, expected] of goldenQueries) {
    it(`finds exactly ${JSON.stringify(expected)} for 「${text}」`, async () => {
      expect(keysOf(await search(q(text)))).toEqual(expected);
    });
  }

  it('never lists closed facilities or facilities of another municipality', async () => {
    const all = await search('limit=100');
    expect(all.total).toBe(6);
    expect(keysOf(all)).not.toContain('closed');
    const sapporo = await search(`municipality=011002&${q('髙橋')}`);
    expect(sapporo.items.map((i) => i.name)).toEqual(['札幌髙橋歯科']);
  });

  it('answers 404 for a municipality without a directory', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/facilities?municipality=402052' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('directory.municipality_not_found');
  });

  it('ranks a name match above a match elsewhere in the text', async () => {
    // Every clinic is found by クリニック (a word people use for 診療所); only one has it in its name.
    const result = await search(q('クリニック'));
    expect(keysOf(result)).toEqual(['aoba', 'watanabe', 'yamazaki']);
    expect(names.get(result.items[0]?.id ?? '')).toBe('aoba');
  });

  it('counts facets by type and district ignoring their own filter, and capabilities with every filter', async () => {
    const result = await search('type=clinic');
    expect(result.total).toBe(3);
    expect(result.facets.type).toEqual({
      clinic: 3,
      dental_clinic: 1,
      pharmacy: 1,
      visiting_nurse_station: 1,
    });
    expect(result.facets.district).toEqual({ north: 2, west: 1 });
    expect(result.facets.capability).toEqual({ home_visit: 1, house_call: 1, home_rehab: 1 });
    const north = await search('district=north');
    expect(keysOf(north)).toEqual(['aoba', 'watanabe']);
    expect(north.facets.district).toEqual({ north: 2, east: 1, west: 1, central: 1, south: 1 });
  });

  it('filters by several types (OR) and several capabilities (AND)', async () => {
    expect(keysOf(await search('type=pharmacy&type=dental_clinic'))).toEqual(['sakura', 'takahashi']);
    expect(keysOf(await search('capability=home_visit&capability=house_call'))).toEqual(['aoba']);
    expect(keysOf(await search('capability=home_visit&capability=end_of_life'))).toEqual([]);
  });

  it('filters by 町丁', async () => {
    expect(keysOf(await search(`town=${encodeURIComponent('駒場')}`))).toEqual(['watanabe']);
  });

  it('orders by distance and keeps to the radius, with distances in metres', async () => {
    const near = { lat: 35.643, lng: 139.697 };
    const result = await search(`near=${near.lat},${near.lng}&radiusM=2500&sort=distance`);
    const distances = result.items.map((i) => i.distanceM ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const item of result.items) {
      const expected = distanceMeters(near, item.location!);
      expect(Math.abs((item.distanceM ?? 0) - expected)).toBeLessThanOrEqual(1);
      expect(item.distanceM).toBeLessThanOrEqual(2500);
    }
    const everything = await search(`near=${near.lat},${near.lng}&sort=distance&limit=100`);
    const outside = everything.items.filter((i) => (i.distanceM ?? 0) > 2500).map((i) => i.id);
    expect(outside.length).toBeGreaterThan(0);
    expect(result.total + outside.length).toBe(everything.total);
  });

  it('sorts by kana (gojūon order of the reading)', async () => {
    const result = await search('sort=kana');
    expect(result.items.map((i) => names.get(i.id))).toEqual([
      'sakura',
      'takahashi',
      'himawari',
      'aoba',
      'yamazaki',
      'watanabe',
    ]);
  });

  it('pages with limit and offset while the total stays the same', async () => {
    const first = await search('sort=kana&limit=2');
    const second = await search('sort=kana&limit=2&offset=2');
    const beyond = await search('sort=kana&limit=2&offset=50');
    expect(first.items).toHaveLength(2);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect([first.total, second.total, beyond.total]).toEqual([6, 6, 6]);
    expect(beyond.items).toEqual([]);
  });

  const badInputs: Array<[string, string]> = [
    ['radiusM=-1&near=35.6,139.7', 'request.invalid'],
    ['radiusM=500', 'directory.near_required'],
    ['sort=distance', 'directory.near_required'],
    ['capability=teleportation', 'directory.unknown_capability'],
    ['type=spa', 'request.invalid'],
    ['district=atlantis', 'directory.unknown_district'],
    ['near=95,139.7', 'request.invalid'],
    ['near=35.6,181', 'request.invalid'],
    ['near=abc', 'request.invalid'],
    ['limit=101', 'request.invalid'],
    ['limit=0', 'request.invalid'],
    ['offset=1000000000', 'request.invalid'],
    ['openAt=yesterday', 'request.invalid'],
    ['accepting=maybe', 'request.invalid'],
    [`q=${'あ'.repeat(3500)}`, 'request.invalid'],
    ['municipality=13110', 'request.invalid'],
  ];
  for (const [query, code] of badInputs) {
    it(`answers 400 ${code} for ${query.slice(0, 40)}`, async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/public/facilities?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe(code);
    });
  }
});
