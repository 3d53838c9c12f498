import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode } from '../../../contracts/municipality-code';
import { pointInRing } from '../../modules/directory/geo';
import { generateFacilities, meguroMix } from './facility-generator';
import { loadMeguroGeography } from './meguro-geography';
import { iterateNationalFacilities, nationalSizes, syntheticGeographies } from './national-generator';

const now = new Date('2026-06-01T00:00:00Z');

describe('demo facility generator', () => {
  const geo = loadMeguroGeography();
  const facilities = generateFacilities(720, 131_105, geo, now);

  it('is deterministic for a seed', () => {
    const again = generateFacilities(50, 131_105, geo, now);
    expect(again).toEqual(facilities.slice(0, 50));
    expect(generateFacilities(50, 7, geo, now)[0]?.name).not.toBe(facilities[0]?.name);
  });

  it('produces the Meguro mix of facility types', () => {
    const counts: Record<string, number> = {};
    for (const f of facilities) counts[f.type] = (counts[f.type] ?? 0) + 1;
    expect(counts).toEqual(Object.fromEntries(meguroMix));
  });

  it('interleaves the types so that a small municipality still has most of them', () => {
    const types = new Set(generateFacilities(60, 5, geo, now).map((f) => f.type));
    expect(types.size).toBeGreaterThanOrEqual(5);
  });

  it('places every facility inside the ward boundary, in a real 町丁 with its postal code', () => {
    const towns = new Map(geo.towns.map((t) => [t.name, t]));
    for (const f of facilities) {
      expect(pointInRing(f.location, geo.boundary), f.name).toBe(true);
      expect(towns.get(f.town)?.postalCode).toBe(f.postalCode);
      expect(f.address.town.startsWith(f.town)).toBe(true);
    }
  });

  it('uses fictional phone numbers, codes and domains', () => {
    for (const f of facilities) {
      expect(f.phone).toMatch(/^03-0\d{3}-\d{4}$/);
      if (f.email) expect(f.email).toMatch(/@example\.jp$/);
      if (f.medicalInstitutionCode) expect(f.medicalInstitutionCode).toMatch(/^13[134]99\d{5}$/);
      if (f.careOfficeNumber) expect(f.careOfficeNumber).toMatch(/^137[16]\d{5}9$/);
    }
  });

  it('gives one community support centre to each district', () => {
    const centres = facilities.filter((f) => f.type === 'community_support_center');
    expect(centres.map((c) => c.districtCode).sort()).toEqual(['central', 'east', 'north', 'south', 'west']);
    expect(centres.map((c) => c.name)).toContain('北部あんしん包括支援センター');
  });

  it('links satellite stations to main visiting-nurse stations', () => {
    const stations = new Map(
      facilities.filter((f) => f.type === 'visiting_nurse_station').map((f) => [f.id, f]),
    );
    const satellites = [...stations.values()].filter((f) => f.mainStationId);
    expect(satellites.length).toBeGreaterThanOrEqual(4);
    for (const s of satellites) {
      const main = stations.get(s.mainStationId as string);
      expect(main?.mainStationId).toBeNull();
      expect(s.name).toContain('サテライト');
    }
  });

  it('has few sterile-compounding pharmacies, many home-visit nurses, and some stale confirmations', () => {
    const offering = (code: string) =>
      facilities.filter((f) => f.capabilities.some((c) => c.code === code)).length;
    expect(offering('sterile_compounding')).toBeGreaterThan(0);
    expect(offering('sterile_compounding')).toBeLessThan(20);
    expect(offering('dental_home_visit')).toBeGreaterThan(30);
    const all = facilities.flatMap((f) => f.capabilities);
    const stale = all.filter((c) => c.confirmedAt < new Date(now.getTime() - 365 * 86_400_000));
    expect(stale.length / all.length).toBeGreaterThan(0.05);
    expect(stale.length / all.length).toBeLessThan(0.25);
  });

  it('includes 木曜午後休診, 第2・第4土曜休診 and hours past midnight', () => {
    expect(facilities.some((f) => f.hours.note?.includes('木曜午後休診'))).toBe(true);
    expect(
      facilities.some((f) => f.hours.closures.some((c) => c.weekday === 6 && c.nth.join() === '2,4')),
    ).toBe(true);
    expect(facilities.some((f) => f.hours.weekly.some((w) => w.close < w.open))).toBe(true);
  });
});

describe('national generator', () => {
  it('makes fictional municipalities with valid codes that no real municipality uses', () => {
    const geos = syntheticGeographies(1200);
    const codes = new Set(geos.map((g) => g.municipalityCode));
    expect(codes.size).toBe(1200);
    for (const code of codes) {
      expect(isValidMunicipalityCode(code)).toBe(true);
      expect(Number(code.slice(0, 2))).toBeGreaterThanOrEqual(50);
    }
  });

  it('splits the total exactly, skewed, with at least 20 per municipality', () => {
    const sizes = nationalSizes(500_000, 1000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(500_000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    expect(sizes[0]).toBeGreaterThan(5 * (sizes[999] ?? 0));
  });

  it('streams facilities across municipalities', () => {
    const geos = syntheticGeographies(3);
    const codes = new Set<string>();
    let n = 0;
    for (const f of iterateNationalFacilities(300, 1, geos)) {
      codes.add(f.municipalityCode);
      n++;
    }
    expect(n).toBe(300);
    expect(codes.size).toBe(3);
  });
});
