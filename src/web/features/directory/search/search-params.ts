// Types only: the contracts module (with zod) must stay out of the public search bundle.
import type { FacilityType, SearchSort } from '../../../../contracts/directory';

/**
 * The whole search lives in the URL query string, so a result list can be shared, bookmarked,
 * printed (/print takes the same string) and the back button walks through earlier searches.
 * Keys mirror the public API (type and capability repeat); a few keys belong to the page only:
 * `open=now` (resolved to a time when the request is made), `place` (label of the `near` point),
 * `page` and `view` (list or map on a phone).
 */
export type SearchState = {
  q: string;
  types: FacilityType[];
  capabilities: string[];
  district: string;
  town: string;
  /** '' = any time, 'now', or a local date-time `YYYY-MM-DDTHH:MM` (Tokyo). */
  open: string;
  accepting: boolean;
  excludeStale: boolean;
  near: { lat: number; lng: number } | null;
  /** What the near point is: a town name, 'here' (device location) or 'map' (a map click). */
  place: string;
  radiusM: number | null;
  sort: SearchSort;
  page: number;
  view: 'list' | 'map';
};

export const PAGE_SIZE = 20;
export const RADIUS_CHOICES = [500, 1000, 2000, 5000] as const;

const facilityTypes: readonly FacilityType[] = [
  'hospital',
  'clinic',
  'dental_clinic',
  'pharmacy',
  'visiting_nurse_station',
  'care_management_office',
  'community_support_center',
  'other_care_service',
];
export const FACILITY_TYPES = facilityTypes;

const sorts: readonly SearchSort[] = ['relevance', 'distance', 'kana'];
const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const emptySearch: SearchState = {
  q: '',
  types: [],
  capabilities: [],
  district: '',
  town: '',
  open: '',
  accepting: false,
  excludeStale: false,
  near: null,
  place: '',
  radiusM: null,
  sort: 'relevance',
  page: 1,
  view: 'list',
};

function parseNear(value: string | null): SearchState['near'] {
  if (!value) return null;
  const [lat, lng] = value.split(',').map(Number);
  if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Reads the state from a query string. Anything malformed (a hand-edited link) falls back to
 * "not set" instead of failing, because a resident with a broken link should still see a search.
 */
export function parseSearch(params: URLSearchParams): SearchState {
  const near = parseNear(params.get('near'));
  const radius = Number(params.get('radiusM'));
  const sort = params.get('sort') as SearchSort | null;
  const page = Number(params.get('page'));
  const open = params.get('open') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    types: unique(
      params.getAll('type').filter((t): t is FacilityType => facilityTypes.includes(t as FacilityType)),
    ),
    capabilities: unique(params.getAll('capability').filter((c) => /^[a-z][a-z0-9_]{1,39}$/.test(c))).slice(
      0,
      22,
    ),
    district: /^[a-z0-9_-]{1,40}$/.test(params.get('district') ?? '') ? (params.get('district') ?? '') : '',
    town: (params.get('town') ?? '').slice(0, 50),
    open: open === 'now' || localDateTime.test(open) ? open : '',
    accepting: params.get('accepting') === '1',
    excludeStale: params.get('excludeStale') === '1',
    near,
    place: near ? (params.get('place') ?? '').slice(0, 50) : '',
    radiusM: near && Number.isInteger(radius) && radius > 0 && radius <= 100_000 ? radius : null,
    sort: sort && sorts.includes(sort) && (sort !== 'distance' || near) ? sort : 'relevance',
    page: Number.isInteger(page) && page > 1 && page <= 500 ? page : 1,
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

/** Writes the state back; defaults are left out so links stay short. */
export function formatSearch(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const type of state.types) params.append('type', type);
  for (const capability of state.capabilities) params.append('capability', capability);
  if (state.district) params.set('district', state.district);
  if (state.town) params.set('town', state.town);
  if (state.open) params.set('open', state.open);
  if (state.accepting) params.set('accepting', '1');
  if (state.excludeStale) params.set('excludeStale', '1');
  if (state.near) {
    params.set('near', `${round(state.near.lat)},${round(state.near.lng)}`);
    if (state.place) params.set('place', state.place);
    if (state.radiusM) params.set('radiusM', String(state.radiusM));
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.view === 'map') params.set('view', 'map');
  return params;
}

/** Six decimals is about 10 cm: enough for a map click, short enough for a link. */
function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * A changed condition starts again at page 1; changing only the page or the view keeps the rest.
 * Setting a point makes "nearest first" the natural order; removing it falls back to relevance.
 */
export function updateSearch(state: SearchState, change: Partial<SearchState>): SearchState {
  const next: SearchState = { ...state, ...change };
  const onlyPaging = Object.keys(change).every((key) => key === 'page' || key === 'view');
  if (!onlyPaging && change.page === undefined) next.page = 1;
  if (change.near && !state.near && change.sort === undefined) next.sort = 'distance';
  if (!next.near) {
    next.place = '';
    next.radiusM = null;
    if (next.sort === 'distance') next.sort = 'relevance';
  }
  if (change.district !== undefined && change.district !== state.district && change.town === undefined) {
    next.town = '';
  }
  return next;
}

/** Tokyo wall-clock time `YYYY-MM-DDTHH:MM` (the API reads an offset-less time as Tokyo time). */
export function tokyoLocalNow(now: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return parts.replace(' ', 'T');
}

export type ApiQuery = Record<string, string | number | boolean | string[] | undefined>;

/** The query of GET /api/public/facilities for this state (`open=now` becomes the current time). */
export function toApiQuery(
  state: SearchState,
  now: Date,
  paging: { limit: number; offset: number } = { limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE },
): ApiQuery {
  return {
    q: state.q.trim() || undefined,
    type: state.types,
    capability: state.capabilities,
    district: state.district || undefined,
    town: state.town || undefined,
    openAt: state.open === 'now' ? `${tokyoLocalNow(now)}:00` : state.open ? `${state.open}:00` : undefined,
    accepting: state.accepting ? 'true' : undefined,
    excludeStale: state.excludeStale ? 'true' : undefined,
    near: state.near ? `${round(state.near.lat)},${round(state.near.lng)}` : undefined,
    radiusM: state.near && state.radiusM ? state.radiusM : undefined,
    sort: state.sort,
    limit: paging.limit,
    offset: paging.offset,
  };
}

/** How many conditions beyond the keyword are set (shown on the collapsed filter panel). */
export function countFilters(state: SearchState): number {
  return (
    state.types.length +
    state.capabilities.length +
    (state.district ? 1 : 0) +
    (state.town ? 1 : 0) +
    (state.open ? 1 : 0) +
    (state.accepting ? 1 : 0) +
    (state.excludeStale ? 1 : 0) +
    (state.near ? 1 : 0)
  );
}

/**
 * The orders the page offers, each under the name of what it really does: without a keyword
 * "relevance" has nothing to rank by and orders by distance (with a base point) or by kana, so it
 * is offered under that name instead of 「おすすめ順」, and not twice.
 */
export function sortChoices(
  state: Pick<SearchState, 'q' | 'near'>,
): Array<{ value: SearchSort; label: 'sortRelevance' | 'sortDistance' | 'sortKana' }> {
  if (state.q.trim() === '') {
    return state.near
      ? [
          { value: 'relevance', label: 'sortDistance' },
          { value: 'kana', label: 'sortKana' },
        ]
      : [{ value: 'relevance', label: 'sortKana' }];
  }
  return [
    { value: 'relevance', label: 'sortRelevance' },
    ...(state.near ? [{ value: 'distance' as const, label: 'sortDistance' as const }] : []),
    { value: 'kana', label: 'sortKana' },
  ];
}
