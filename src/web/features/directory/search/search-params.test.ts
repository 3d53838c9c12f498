import { describe, expect, it } from 'vitest';
import {
  emptySearch,
  formatSearch,
  parseSearch,
  sortChoices,
  toApiQuery,
  tokyoLocalNow,
  updateSearch,
} from './search-params';

describe('search state in the URL', () => {
  it('round-trips every condition through the query string', () => {
    const state = {
      ...emptySearch,
      q: '歯科',
      types: ['dental_clinic' as const, 'clinic' as const],
      capabilities: ['dental_home_visit', 'round_the_clock'],
      district: 'south',
      town: '目黒本町',
      open: 'now',
      accepting: true,
      excludeStale: true,
      near: { lat: 35.62, lng: 139.7 },
      place: '目黒本町',
      radiusM: 2000,
      sort: 'distance' as const,
      page: 3,
      view: 'map' as const,
    };
    expect(parseSearch(formatSearch(state))).toEqual(state);
  });

  it('leaves defaults out so a plain search has a short link', () => {
    expect(formatSearch({ ...emptySearch, q: ' 内科 ' }).toString()).toBe('q=%E5%86%85%E7%A7%91');
  });

  it('ignores malformed values from a hand-edited link instead of failing', () => {
    const state = parseSearch(
      new URLSearchParams(
        'type=spaceship&capability=DROP%20TABLE&near=999,1&sort=distance&page=-4&radiusM=-1',
      ),
    );
    expect(state.types).toEqual([]);
    expect(state.capabilities).toEqual([]);
    expect(state.near).toBeNull();
    expect(state.sort).toBe('relevance');
    expect(state.page).toBe(1);
    expect(state.radiusM).toBeNull();
  });

  it('starts again at page 1 when a condition changes but keeps the page when only the view changes', () => {
    const onPage3 = { ...emptySearch, page: 3 };
    expect(updateSearch(onPage3, { accepting: true }).page).toBe(1);
    expect(updateSearch(onPage3, { view: 'map' }).page).toBe(3);
  });

  it('sorts nearest first when a point is chosen and drops the radius when it is removed', () => {
    const withPoint = updateSearch(emptySearch, { near: { lat: 35.6, lng: 139.7 }, place: '中町' });
    expect(withPoint.sort).toBe('distance');
    const cleared = updateSearch({ ...withPoint, radiusM: 1000 }, { near: null });
    expect(cleared).toMatchObject({ sort: 'relevance', radiusM: null, place: '' });
  });

  it('forgets the town when another district is chosen', () => {
    expect(
      updateSearch({ ...emptySearch, district: 'south', town: '中町' }, { district: 'north' }).town,
    ).toBe('');
  });

  it('turns "open now" into the Tokyo wall-clock time of the request', () => {
    const now = new Date('2026-01-05T15:30:00Z'); // 00:30 on 6 January in Tokyo
    expect(tokyoLocalNow(now)).toBe('2026-01-06T00:30');
    expect(toApiQuery({ ...emptySearch, open: 'now' }, now).openAt).toBe('2026-01-06T00:30:00');
  });

  it('asks the API for the rows of the current page', () => {
    const query = toApiQuery({ ...emptySearch, page: 2, types: ['pharmacy'] }, new Date());
    expect(query).toMatchObject({ limit: 20, offset: 20, type: ['pharmacy'], sort: 'relevance' });
  });
});

describe('the orders offered', () => {
  const labels = (state: Parameters<typeof sortChoices>[0]) => sortChoices(state).map((c) => c.label);

  it('calls the default order 五十音順 without a keyword, and 近い順 with a base point', () => {
    expect(labels({ q: '', near: null })).toEqual(['sortKana']);
    expect(labels({ q: ' ', near: { lat: 35.6, lng: 139.7 } })).toEqual(['sortDistance', 'sortKana']);
  });

  it('offers おすすめ順 only with a keyword to rank by', () => {
    expect(labels({ q: '歯科', near: null })).toEqual(['sortRelevance', 'sortKana']);
    expect(labels({ q: '歯科', near: { lat: 35.6, lng: 139.7 } })).toEqual([
      'sortRelevance',
      'sortDistance',
      'sortKana',
    ]);
  });
});
