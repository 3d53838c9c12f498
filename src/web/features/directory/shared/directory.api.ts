import { keepPreviousData, useQuery } from '@tanstack/react-query';
// Types only: the contracts module (with zod) must stay out of the public bundle.
import type {
  CapabilityListResponse,
  DirectoryEventBody,
  DistrictListResponse,
  ErrorReportBody,
  FacilityDetail,
  FacilitySearchResponse,
  GeocodeResponse,
} from '../../../../contracts/directory';
import { api } from '../../../app/api';
import type { ApiQuery } from '../search/search-params';

/** Tile server of the map; the installation may configure another (or none). */
export type MapConfig = { tileUrl: string | null; attribution: string };

const DEFAULT_MAP_CONFIG: MapConfig = {
  tileUrl: 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png',
  attribution: '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>',
};

export function searchFacilities(query: ApiQuery, signal?: AbortSignal): Promise<FacilitySearchResponse> {
  return api<FacilitySearchResponse>('/api/public/facilities', { query, signal });
}

export function useFacilitySearch(query: ApiQuery) {
  return useQuery({
    queryKey: ['directory', 'search', query],
    queryFn: ({ signal }) => searchFacilities(query, signal),
    // The old list stays on screen while the next one loads, so the page does not jump.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** One facility's page data; the comparison asks for several with the same key, so both share the cache. */
export function facilityQuery(id: string) {
  return {
    queryKey: ['directory', 'facility', id],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api<FacilityDetail>(`/api/public/facilities/${encodeURIComponent(id)}`, { signal }),
    staleTime: 60_000,
  };
}

export function useFacility(id: string) {
  return useQuery(facilityQuery(id));
}

/** The capability taxonomy changes rarely; one load per visit is enough. */
export function useCapabilities() {
  return useQuery({
    queryKey: ['directory', 'capabilities'],
    queryFn: ({ signal }) => api<CapabilityListResponse>('/api/public/capabilities', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDistricts() {
  return useQuery({
    queryKey: ['directory', 'districts'],
    queryFn: ({ signal }) => api<DistrictListResponse>('/api/public/districts', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Tile URL and attribution from the server. Until the server offers them (or when it cannot be
 * reached), the 地理院タイル default applies; the map works without tiles in any case.
 */
export function useMapConfig() {
  return useQuery({
    queryKey: ['directory', 'map-config'],
    queryFn: async ({ signal }): Promise<MapConfig> => {
      try {
        const config = await api<Partial<MapConfig>>('/api/public/config', { signal });
        return {
          tileUrl: config.tileUrl === undefined ? DEFAULT_MAP_CONFIG.tileUrl : config.tileUrl || null,
          attribution: config.attribution ?? DEFAULT_MAP_CONFIG.attribution,
        };
      } catch {
        return DEFAULT_MAP_CONFIG;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function geocode(q: string): Promise<GeocodeResponse> {
  return api<GeocodeResponse>('/api/public/geocode', { query: { q } });
}

export function sendErrorReport(facilityId: string, body: ErrorReportBody): Promise<{ id: string }> {
  return api<{ id: string }>(`/api/public/facilities/${encodeURIComponent(facilityId)}/reports`, {
    method: 'POST',
    body,
  });
}

/**
 * Counts a page view or a search for the statistics. Losing one is harmless, so failures are
 * ignored and nothing waits for it.
 */
export function sendDirectoryEvent(body: DirectoryEventBody): void {
  api('/api/public/events', { method: 'POST', body }).catch(() => undefined);
}

/** The map shows every result, not only the page of the list; beyond this many it shows the first ones. */
export const MAP_MAX_ITEMS = 500;

/** All results of a search (100 per request, the API's maximum), for the map and the print view. */
export async function searchAll(
  query: ApiQuery,
  max: number,
  signal?: AbortSignal,
): Promise<{ total: number; items: FacilitySearchResponse['items'] }> {
  const items: FacilitySearchResponse['items'] = [];
  let total = 0;
  for (let offset = 0; offset < max; offset += 100) {
    const page = await searchFacilities({ ...query, limit: Math.min(100, max - offset), offset }, signal);
    total = page.total;
    items.push(...page.items);
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return { total, items };
}

export function useAllResults(query: ApiQuery, max: number, enabled = true) {
  return useQuery({
    queryKey: ['directory', 'search-all', query, max],
    queryFn: ({ signal }) => searchAll(query, max, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}
