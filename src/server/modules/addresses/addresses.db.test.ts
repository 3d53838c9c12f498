import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { FacilitySearchResponse, GeocodeResponse } from '../../../contracts/directory';
import { distanceMeters } from '../directory/geo';
import { importAddressRegistry } from './address-import.service';

const fixtureDir = resolve(__dirname, '../../../../test/fixtures/abr');
const fixtureFiles = () =>
  readdirSync(fixtureDir)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => ({ name, text: readFileSync(resolve(fixtureDir, name), 'utf8') }));
const ctx = { requestId: 'test', clientIp: '127.0.0.1', municipalityCode: '131105' };

describe('street addresses as the base point of a distance search', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createMeguro(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const geocode = async (q: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/public/geocode?q=${encodeURIComponent(q)}`,
    });
    expect(response.statusCode, q).toBe(200);
    return response.json() as GeocodeResponse;
  };
  const load = () =>
    importAddressRegistry(t, ctx, { municipalityCode: '131105', files: fixtureFiles(), actorLabel: 'test' });

  it('falls back to the town’s centre, saying so, before the ward loads the registry', async () => {
    const body = await geocode('目黒区原町1-1-1');
    expect(body).toMatchObject({
      town: '原町',
      precision: 'town',
      label: '原町',
      fallback: 'no_address_data',
    });
    expect(body.approximate).toBe(true);
    // A town typed alone is as precise as asked: no fallback to tell.
    expect((await geocode('原町')).fallback).toBeNull();
  });

  it('imports the registry files of the municipality only, counting what it left out, with an audit row', async () => {
    const report = await load();
    expect(report.stored).toEqual({ residence: 4, block: 4, chome: 3, town: 0 });
    expect(report.skipped).toEqual({ abolished: 2, withoutPosition: 1, withoutName: 1 });
    expect(report.otherMunicipalities).toBe(2);
    expect(report.files.map((f) => f.kind).sort()).toEqual([
      'block',
      'block_pos',
      'residence',
      'residence_pos',
      'town',
      'town_pos',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_label', 'municipality_code'])
      .where('action', '=', 'address.import')
      .execute();
    expect(audit).toEqual([{ actor_label: 'test', municipality_code: '131105' }]);
  });

  it('places a 住居 however it is typed', async () => {
    for (const q of [
      '目黒区原町1-1-1',
      '東京都目黒区原町一丁目1番1号',
      '原町１－１－１',
      '原町1丁目1番地1 メゾン101',
    ]) {
      expect(await geocode(q), q).toMatchObject({
        precision: 'residence',
        label: '原町一丁目1番1号',
        location: { lat: 35.61702, lng: 139.69402 },
        fallback: null,
        approximate: false,
        town: '原町',
        postalCode: '1520011',
        district: 'south',
      });
    }
    expect(await geocode('自由ヶ丘2-10-5')).toMatchObject({
      precision: 'residence',
      label: '自由が丘二丁目10番5号',
    });
  });

  it('places a 街区 at the point of its 住居表示 row', async () => {
    expect(await geocode('原町1-1')).toMatchObject({
      precision: 'block',
      label: '原町一丁目1番',
      location: { lat: 35.6169, lng: 139.6941 },
      fallback: null,
    });
  });

  it('falls back step by step (住居 → 街区 → 丁目 → town) and says that the address was not found', async () => {
    expect(await geocode('原町1-1-5')).toMatchObject({
      precision: 'block',
      label: '原町一丁目1番',
      fallback: 'not_found',
    });
    expect(await geocode('原町2-7-1')).toMatchObject({
      precision: 'chome',
      label: '原町二丁目',
      fallback: 'not_found',
    });
    expect(await geocode('原町二丁目')).toMatchObject({
      precision: 'chome',
      fallback: null,
      approximate: true,
    });
    expect(await geocode('原町3-1-1')).toMatchObject({
      precision: 'town',
      label: '原町',
      fallback: 'not_found',
    });
    expect(await geocode('上目黒1-1-1')).toMatchObject({
      precision: 'town',
      town: '上目黒',
      fallback: 'not_found',
    });
    expect(await geocode('かみめぐろ')).toMatchObject({ precision: 'town', town: '上目黒', fallback: null });
  });

  it('measures the search’s distances from the placed address', async () => {
    await createTestFacility(t.db, { name: '原町の診療所', location: { lat: 35.6205, lng: 139.6965 } });
    const point = (await geocode('原町1-1-1')).location;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/public/facilities?near=${point.lat},${point.lng}&sort=distance&q=${encodeURIComponent('原町の診療所')}`,
    });
    const body = response.json() as FacilitySearchResponse;
    expect(body.items[0]?.distanceM).toBe(Math.round(distanceMeters(point, { lat: 35.6205, lng: 139.6965 })));
    expect(body.items[0]?.distanceM).toBeLessThan(500);
  });

  it('replaces the loaded points on a new import, and changes nothing when a file is wrong', async () => {
    const again = await load();
    expect(again.replaced).toBe(11);
    const bad = fixtureFiles().map((f) =>
      f.name.startsWith('mt_rsdtdsp_rsdt_pos')
        ? { ...f, text: f.text.replace(/EPSG:6668/gu, 'EPSG:2451') }
        : f,
    );
    await expect(
      importAddressRegistry(t, ctx, { municipalityCode: '131105', files: bad, actorLabel: 'test' }),
    ).rejects.toMatchObject({ code: 'address.unsupported_srid' });
    await expect(
      importAddressRegistry(t, ctx, {
        municipalityCode: '131105',
        files: [{ name: 'facilities.csv', text: 'name,address\n診療所,原町1-1\n' }],
        actorLabel: 'test',
      }),
    ).rejects.toMatchObject({ code: 'address.unknown_file' });
    const count = await t.db
      .selectFrom('address_points')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(11);
    expect((await geocode('原町1-1-1')).precision).toBe('residence');
  });
});
