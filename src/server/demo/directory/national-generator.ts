import type { Kysely } from 'kysely';
import { toSixDigitCode } from '../../../contracts/municipality-code';
import type { Database } from '../../platform/db/schema';
import { insertMunicipality } from '../../platform/municipality.queries';
import { type DemoFacility, iterateFacilities } from './facility-generator';
import { type Geography, installGeography, loadMeguroGeography } from './meguro-geography';
import { createRandom } from './random';

/**
 * Fictional municipalities for national-scale benchmarks. Codes use prefecture numbers 50–99,
 * which do not exist (Japan has 01–47), so they can never clash with a real municipality. Each
 * one is Meguro's geography moved to another place in Japan.
 */
export function syntheticGeographies(count: number, seed = 1): Geography[] {
  const meguro = loadMeguroGeography();
  const origin = meguro.towns[0]?.center ?? { lat: 35.63, lng: 139.69 };
  const r = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const five = `${50 + Math.floor(i / 1000)}${String(i % 1000).padStart(3, '0')}`;
    const dLat = 31.5 + r.next() * 11 - origin.lat;
    const dLng = 130.5 + r.next() * 11 - origin.lng;
    return {
      ...meguro,
      municipalityCode: toSixDigitCode(five),
      prefecture: '架空県',
      city: `架空市${i + 1}`,
      towns: meguro.towns.map((t) => ({
        ...t,
        center: { lat: t.center.lat + dLat, lng: t.center.lng + dLng },
      })),
      boundary: meguro.boundary.map(([lng, lat]) => [lng + dLng, lat + dLat] as [number, number]),
    };
  });
}

/** How many facilities each municipality gets: a skewed (Zipf-like) split of `total`, at least 20 each. */
export function nationalSizes(total: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1) ** 0.5);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((w / sum) * total)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) sizes[i] = (sizes[i] ?? 0) + 1;
  for (let i = count - 1; rest < 0 && i >= 0; i--) {
    const take = Math.min(-rest, (sizes[i] ?? 0) - 20);
    sizes[i] = (sizes[i] ?? 0) - take;
    rest += take;
  }
  return sizes;
}

/** `total` facilities spread over the given municipalities (streamed: nothing is held in memory). */
export function* iterateNationalFacilities(
  total: number,
  seed: number,
  geographies: Geography[],
): Generator<DemoFacility> {
  const sizes = nationalSizes(total, geographies.length);
  for (const [i, geo] of geographies.entries()) yield* iterateFacilities(geo, sizes[i] ?? 0, seed);
}

/** Registers the fictional municipalities with their districts and 町丁. */
export async function installSyntheticMunicipalities(db: Kysely<Database>, geographies: Geography[]) {
  for (const geo of geographies) {
    await insertMunicipality(db, { code: geo.municipalityCode, name: geo.city, prefecture: geo.prefecture });
    await installGeography(db, geo, geo.municipalityCode);
  }
}
