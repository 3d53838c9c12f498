import { useQuery } from '@tanstack/react-query';
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

export function useCases(filter: string) {
  return useQuery({
    queryKey: [...casesKey, filter],
    queryFn: ({ signal }) =>
      api<Page<DischargeCaseSummary>>('/api/discharge-cases', { query: { filter, limit: 100 }, signal }),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api<DischargeCaseDetail>(`/api/discharge-cases/${id}`, { signal }),
  });
}

export function usePending() {
  return useQuery({
    queryKey: pendingKey,
    queryFn: ({ signal }) =>
      api<{ items: PendingAcknowledgment[] }>('/api/discharge-notices/pending', { signal }),
  });
}

/** One step of a provider change (`notify`, `confirm`, `keep`, …) or a body-carrying one. */
export function changeStep(id: string, step: string, body?: unknown) {
  return api<ProviderChangeDto>(`/api/provider-changes/${id}/${step}`, { method: 'POST', body: body ?? {} });
}
