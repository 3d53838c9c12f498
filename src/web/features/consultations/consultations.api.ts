import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  ConsultationDetail,
  ConsultationStatus,
  ConsultationSummary,
} from '../../../contracts/consultations';
import type { DistrictListResponse } from '../../../contracts/directory';
import type { Page } from '../../../contracts/page';
import { api } from '../../app/api';

export const consultationsKey = ['consultations', 'list'] as const;
export const consultationKey = (id: string) => ['consultations', 'one', id] as const;

/** The window's consultations, a page at a time (the one list pattern: `nextCursor` until null). */
export function useConsultations(status: ConsultationStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...consultationsKey, status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<ConsultationSummary>>('/api/consultations', {
        query: { status, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: consultationKey(id),
    queryFn: ({ signal }) => api<ConsultationDetail>(`/api/consultations/${id}`, { signal }),
  });
}

/** The municipality's 地区 (the directory's public list). */
export function useDistricts() {
  return useQuery({
    queryKey: ['consultations', 'districts'],
    queryFn: ({ signal }) => api<DistrictListResponse>('/api/public/districts', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
