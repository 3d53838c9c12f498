import { describe, expect, it } from 'vitest';
import { loadMeguroGeography } from '../../demo/directory/meguro-geography';
import { boundingBox, distanceMeters, pointInRing } from './geo';

describe('geo', () => {
  it('measures Meguro station to Nakameguro station at about 1.9 km', () => {
    const d = distanceMeters({ lat: 35.6339, lng: 139.7157 }, { lat: 35.6442, lng: 139.699 });
    expect(d).toBeGreaterThan(1800);
    expect(d).toBeLessThan(2000);
  });

  it('builds a box that contains the whole circle', () => {
    const center = { lat: 35.63, lng: 139.69 };
    const box = boundingBox(center, 2000);
    expect(distanceMeters(center, { lat: box.maxLat, lng: center.lng })).toBeCloseTo(2000, 0);
    expect(distanceMeters(center, { lat: center.lat, lng: box.maxLng })).toBeGreaterThanOrEqual(1999);
  });

  it('puts every approximate 町丁 centre of Meguro inside the ward boundary', () => {
    const geo = loadMeguroGeography();
    expect(geo.towns).toHaveLength(27);
    for (const town of geo.towns) expect(pointInRing(town.center, geo.boundary), town.name).toBe(true);
    expect(pointInRing({ lat: 35.68, lng: 139.76 }, geo.boundary)).toBe(false);
  });
});
