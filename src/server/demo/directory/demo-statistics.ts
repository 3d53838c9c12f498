import type { Transaction } from 'kysely';
import { tokyoDay } from '../../modules/directory/stats-record.service';
import type { Database } from '../../platform/db/schema';
import { type DemoSearchRow, insertDemoSearches, insertDemoViews } from './demo.queries';
import { createRandom } from './random';

/**
 * The ward's real yearly totals of page views (議事要旨: 6,675 in FY2023 → 11,495 in FY2024),
 * spread over synthetic days and facilities so the dashboard shows the figure the council saw.
 * Later years continue the growth (synthetic).
 */
const yearTargets: Record<number, number> = {
  2023: 6675,
  2024: 11_495,
  2025: 15_210,
  2026: 18_400,
  2027: 21_000,
};

const popularSearches: Array<[string, number]> = [
  ['歯科', 14],
  ['訪問歯科', 9],
  ['内科', 12],
  ['往診', 8],
  ['訪問診療', 10],
  ['訪問看護', 9],
  ['薬局', 7],
  ['無菌調剤', 3],
  ['眼科', 5],
  ['皮膚科', 5],
  ['24時間', 4],
  ['看取り', 3],
  ['けあまねじゃ', 4],
  ['包括', 4],
  ['小児科', 4],
  ['整形外科', 4],
];
const zeroResultSearches: Array<{ query: string; district: string; capabilities: string }> = [
  { query: '', district: 'west', capabilities: 'sterile_compounding' },
  { query: '', district: 'north', capabilities: 'pediatric,ventilator' },
  { query: '小児 人工呼吸器', district: '', capabilities: '' },
  { query: '', district: 'south', capabilities: 'psychiatric_nursing,round_the_clock' },
];

function dayList(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Splits `total` over days (weekdays busier), exactly. */
function spread(total: number, days: string[], r: ReturnType<typeof createRandom>): number[] {
  const weights = days.map((d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return (wd === 0 || wd === 6 ? 0.6 : 1.1) * (0.7 + 0.6 * r.next());
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % counts.length, rest--) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

/** Demo statistics for the demo facilities of a municipality, from April 2023 to yesterday. */
export async function seedDemoStatistics(
  trx: Transaction<Database>,
  municipalityCode: string,
  facilityIds: string[],
  now = new Date(),
): Promise<void> {
  if (facilityIds.length === 0) return;
  const r = createRandom(2023);
  const yesterday = tokyoDay(new Date(now.getTime() - 86_400_000));
  const views: Array<{ facility_id: string; day: string; views: number }> = [];
  const searches: DemoSearchRow[] = [];
  for (let fy = 2023; `${fy}-04-01` <= yesterday; fy++) {
    const fyEnd = `${fy + 1}-03-31`;
    const days = dayList(`${fy}-04-01`, fyEnd < yesterday ? fyEnd : yesterday);
    const fullYear = dayList(`${fy}-04-01`, fyEnd).length;
    const target = Math.round(((yearTargets[fy] ?? 21_000) * days.length) / fullYear);
    spread(target, days, r).forEach((count, i) => {
      const day = days[i] as string;
      const perFacility = new Map<string, number>();
      for (let k = 0; k < count; k++) {
        // Skewed popularity: a few facilities get most views.
        const id = facilityIds[Math.floor(facilityIds.length * r.next() ** 2.5)] as string;
        perFacility.set(id, (perFacility.get(id) ?? 0) + 1);
      }
      for (const [facility_id, n] of perFacility) views.push({ facility_id, day, views: n });
      for (const [query, weight] of popularSearches) {
        const n = Math.round(weight * (count / 30) * (0.5 + r.next()));
        if (n > 0)
          searches.push({
            day,
            query_key: query,
            district_code: '',
            capability_codes: '',
            zero_result: false,
            searches: n,
          });
      }
      const zero = zeroResultSearches[i % zeroResultSearches.length];
      if (zero && r.chance(0.4)) {
        searches.push({
          day,
          query_key: zero.query,
          district_code: zero.district,
          capability_codes: zero.capabilities,
          zero_result: true,
          searches: 1,
        });
      }
    });
  }
  for (let i = 0; i < views.length; i += 5000) {
    await insertDemoViews(trx, municipalityCode, views.slice(i, i + 5000));
  }
  for (let i = 0; i < searches.length; i += 5000) {
    await insertDemoSearches(trx, municipalityCode, searches.slice(i, i + 5000));
  }
}
