import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility, officeHours } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { FacilityDetail, FacilitySearchResponse, OpeningHours } from '../../../contracts/directory';
import { isOpenAt } from './opening-hours';

const timetables: Record<string, OpeningHours> = {
  office: officeHours,
  secondFourthSaturday: {
    weekly: [
      { day: 1, open: '09:00', close: '12:30' },
      { day: 4, open: '09:00', close: '12:30' },
      { day: 6, open: '09:00', close: '13:00' },
    ],
    closures: [{ weekday: 6, nth: [2, 4] }],
    closedOnHolidays: true,
    closedYearEnd: true,
    note: '第2・第4土曜休診',
  },
  night: {
    weekly: [
      { day: 3, open: '20:00', close: '02:00' },
      { day: 5, open: '20:00', close: '02:00' },
    ],
    closures: [],
    closedOnHolidays: true,
    closedYearEnd: false,
    note: null,
  },
  alwaysOpen: {
    weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
    closures: [],
    closedOnHolidays: false,
    closedYearEnd: false,
    note: '24時間',
  },
};

// Tokyo local times: weekday mornings, lunch, Saturdays (1st/2nd), after midnight, holidays, year end.
const instants = [
  '2026-03-02T10:00',
  '2026-03-02T12:45',
  '2026-03-05T11:00',
  '2026-03-07T10:00',
  '2026-03-14T10:00',
  '2026-03-28T12:59',
  '2026-03-06T23:30',
  '2026-03-07T01:59',
  '2026-03-07T02:00',
  '2026-02-11T10:00',
  '2026-02-12T01:00',
  '2026-02-19T01:00',
  '2026-05-04T10:00',
  '2029-12-31T10:00',
  '2026-03-08T03:00',
];

describe('open-now, capacity and freshness filters', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    await createMeguro(t.db);
    for (const [key, hours] of Object.entries(timetables)) {
      ids[key] = (await createTestFacility(t.db, { name: `時間テスト ${key}`, hours })).id;
      names.set(ids[key] as string, key);
    }
    const old = new Date(Date.now() - 400 * 86_400_000);
    ids.fresh = (
      await createTestFacility(t.db, {
        type: 'visiting_nurse_station',
        name: '新しい訪問看護',
        capabilities: ['end_of_life', 'round_the_clock'],
        capacity: { signal: 'accepting' },
      })
    ).id;
    ids.stale = (
      await createTestFacility(t.db, {
        type: 'visiting_nurse_station',
        name: '古い訪問看護',
        capabilities: ['end_of_life', 'round_the_clock'],
        confirmedAt: { end_of_life: old },
        capacity: { signal: 'full' },
      })
    ).id;
    names.set(ids.fresh as string, 'fresh');
    names.set(ids.stale as string, 'stale');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(query: string): Promise<FacilitySearchResponse> {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/facilities?limit=100&${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  for (const local of instants) {
    it(`agrees with the timetable rules at ${local} Tokyo time`, async () => {
      const instant = new Date(`${local}:00+09:00`);
      const expected = Object.entries(timetables)
        .filter(([, hours]) => isOpenAt(hours, instant))
        .map(([key]) => key)
        .sort();
      const result = await search(`openAt=${encodeURIComponent(local)}`);
      expect(result.items.map((i) => names.get(i.id)).sort()).toEqual(expected);
    });
  }

  it('accepts openAt with an explicit offset as the same instant', async () => {
    const local = await search(`openAt=${encodeURIComponent('2026-03-06T23:30')}`);
    const utc = await search(`openAt=${encodeURIComponent('2026-03-06T14:30:00Z')}`);
    expect(utc.items.map((i) => i.id).sort()).toEqual(local.items.map((i) => i.id).sort());
    expect(local.items.map((i) => names.get(i.id)).sort()).toEqual(['alwaysOpen', 'night']);
  });

  it('keeps only facilities accepting new patients, with the time the signal was set', async () => {
    const result = await search('accepting=true');
    expect(result.items.map((i) => names.get(i.id))).toEqual(['fresh']);
    expect(result.items[0]?.capacity?.signal).toBe('accepting');
    expect(Date.parse(result.items[0]?.capacity?.setAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('can ignore capabilities unconfirmed for more than 12 months', async () => {
    const all = await search('capability=end_of_life');
    expect(all.items.map((i) => names.get(i.id)).sort()).toEqual(['fresh', 'stale']);
    const fresh = await search('capability=end_of_life&excludeStale=true');
    expect(fresh.items.map((i) => names.get(i.id))).toEqual(['fresh']);
    expect(fresh.facets.capability).toEqual({ end_of_life: 1, round_the_clock: 1 });
    const staleItem = (await search('capability=round_the_clock&excludeStale=true')).items.find(
      (i) => i.id === ids.stale,
    );
    expect(staleItem?.capabilities).toEqual(['round_the_clock']);
  });

  it('marks a stale capability on the facility page with its confirmed date', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/facilities/${ids.stale}` });
    const detail: FacilityDetail = response.json();
    const byCode = Object.fromEntries(detail.capabilities.map((c) => [c.code, c]));
    expect(byCode.end_of_life?.stale).toBe(true);
    expect(byCode.round_the_clock?.stale).toBe(false);
    expect(byCode.end_of_life?.name).toBe('看取り');
    expect(Date.parse(byCode.end_of_life?.confirmedAt ?? '')).toBeLessThan(Date.now() - 365 * 86_400_000);
  });

  it('shows the timetable as it was entered, with 第n曜日 closures', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/facilities/${ids.night}` });
    expect(response.json().hours).toEqual(timetables.night);
    const saturday = await t.app.inject({
      method: 'GET',
      url: `/api/public/facilities/${ids.secondFourthSaturday}`,
    });
    expect(saturday.json().hours).toEqual(timetables.secondFourthSaturday);
  });
});
