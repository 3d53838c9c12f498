import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality, MUNICIPALITIES } from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  type CapabilityListResponse,
  type DistrictListResponse,
  type FacilityDetail,
  FacilityType,
} from '../../../contracts/directory';

describe('public taxonomy, districts, geocoding and facility pages', () => {
  let t: TestApp;
  let main: { id: string };
  let satellite: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    await createMeguro(t.db);
    await createMunicipality(t.db, MUNICIPALITIES.sapporo);
    main = await createTestFacility(t.db, { type: 'visiting_nurse_station', name: '本体ステーション' });
    satellite = await createTestFacility(t.db, {
      type: 'visiting_nurse_station',
      name: '本体ステーション サテライト八雲',
      mainStationId: main.id,
    });
    // Sapporo adds a capability of its own and renames a standard one.
    await sql`insert into directory_capabilities (municipality_code, code, name_ja, name_en, sort_order)
      values ('011002', 'snow_access', '除雪後の訪問', 'Visits after snow clearing', 999),
             ('011002', 'home_visit', '在宅訪問診療', 'Home visits', 10)`.execute(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the 22 standard capabilities with Japanese and English names, in order', async () => {
    const body: CapabilityListResponse = (await get('/api/public/capabilities')).json();
    expect(body.items).toHaveLength(22);
    expect(body.items[0]).toEqual({
      code: 'home_visit',
      name: '訪問診療',
      nameEn: 'Scheduled home visits',
      facilityTypes: ['hospital', 'clinic'],
      sortOrder: 10,
    });
    expect(body.items.map((c) => c.code)).toContain('sterile_compounding');
    // The types come from the one table editors and the server use (contracts), not the seed
    // migration's copy: 多言語対応 fits every type, 認知症 also その他の介護サービス.
    const of = (code: string) => body.items.find((c) => c.code === code)?.facilityTypes;
    expect(of('multilingual')).toEqual(FacilityType.options);
    expect(of('dementia')).toContain('other_care_service');
    expect(of('dental_home_visit')).toEqual(['dental_clinic']);
  });

  it('lets a municipality extend and rename its taxonomy without touching others', async () => {
    const sapporo: CapabilityListResponse = (
      await get('/api/public/capabilities?municipality=011002')
    ).json();
    expect(sapporo.items).toHaveLength(23);
    expect(sapporo.items.find((c) => c.code === 'home_visit')?.name).toBe('在宅訪問診療');
    expect(sapporo.items.at(-1)?.code).toBe('snow_access');
    const meguro: CapabilityListResponse = (await get('/api/public/capabilities')).json();
    expect(meguro.items.find((c) => c.code === 'home_visit')?.name).toBe('訪問診療');
    const unknown = await get('/api/public/facilities?capability=snow_access');
    expect(unknown.json().error.code).toBe('directory.unknown_capability');
  });

  it('lists Meguro’s five districts with their 町丁 and postal codes', async () => {
    const body: DistrictListResponse = (await get('/api/public/districts')).json();
    expect(body.items.map((d) => d.name)).toEqual(['北部', '東部', '中央', '南部', '西部']);
    const north = body.items[0];
    expect(north?.towns.find((t) => t.name === '上目黒')).toMatchObject({
      kana: 'かみめぐろ',
      postalCode: '1530051',
    });
    expect(body.items.flatMap((d) => d.towns)).toHaveLength(27);
  });

  it('finds a 町丁 centre by name, 丁目, reading or postal code', async () => {
    for (const q of ['上目黒', '上目黒二丁目', 'かみめぐろ', 'カミメグロ', '153-0051', '〒1530051']) {
      const response = await get(`/api/public/geocode?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      expect(response.json()).toMatchObject({
        town: '上目黒',
        postalCode: '1530051',
        district: 'north',
        approximate: true,
      });
    }
    const jiyugaoka = await get(`/api/public/geocode?q=${encodeURIComponent('自由ヶ丘')}`);
    expect(jiyugaoka.json().town).toBe('自由が丘');
    const missing = await get(`/api/public/geocode?q=${encodeURIComponent('霞が関')}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('directory.geocode_not_found');
  });

  it('shows a satellite with its main station and the main station with its satellites', async () => {
    const sat: FacilityDetail = (await get(`/api/public/facilities/${satellite.id}`)).json();
    expect(sat.mainStation).toEqual({ id: main.id, name: '本体ステーション' });
    const m: FacilityDetail = (await get(`/api/public/facilities/${main.id}`)).json();
    expect(m.satellites).toEqual([{ id: satellite.id, name: '本体ステーション サテライト八雲' }]);
    expect(m.isDemo).toBe(false);
  });

  it('answers 404 for an unknown facility or one of another municipality', async () => {
    const unknown = await get('/api/public/facilities/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('directory.facility_not_found');
    expect((await get(`/api/public/facilities/${main.id}?municipality=011002`)).statusCode).toBe(404);
    expect((await get(`/api/public/facilities/${main.id}?municipality=131105`)).statusCode).toBe(200);
  });

  it('serves the public API with CORS and an ETag that revalidates', async () => {
    const first = await get('/api/public/districts');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    const etag = first.headers.etag as string;
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/public/districts',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });
});
