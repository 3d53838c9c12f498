import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  DischargeCaseDetail,
  DischargeCaseSummary,
  PendingAcknowledgment,
  ProviderChangeDto,
} from '../../../contracts/discharge';
import type { Page } from '../../../contracts/page';
import { api } from '../../app/api';

export const casesKey = ['discharge', 'cases'] as const;
export const caseKey = (id: string) => ['discharge', 'case', id] as const;
export const pendingKey = ['discharge', 'pending'] as const;

/** The case list, a page at a time (the one list pattern: `nextCursor` until null). */
export function useCases(filter: string) {
  return useInfiniteQuery({
    queryKey: [...casesKey, filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<DischargeCaseSummary>>('/api/discharge-cases', {
        query: { filter, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api<DischargeCaseDetail>(`/api/discharge-cases/${id}`, { signal }),
  });
}

/** The notices waiting for the caller's answer, a page at a time (newest first, `nextCursor` until null). */
export function usePending() {
  return useInfiniteQuery({
    queryKey: pendingKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<PendingAcknowledgment>>('/api/discharge-notices/pending', {
        query: { cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One step of a provider change (`notify`, `confirm`, `keep`, …) or a body-carrying one. */
export function changeStep(id: string, step: string, body?: unknown) {
  return api<ProviderChangeDto>(`/api/provider-changes/${id}/${step}`, { method: 'POST', body: body ?? {} });
}
