import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { FacilitySearchResponse } from '../../../contracts/directory';
import type {
  AssociationDeskList,
  IncomingReferralPage,
  ReferralDto,
  ReferralList,
} from '../../../contracts/referrals';
import { api } from '../../app/api';

export const referralsKey = (patientId: string) => ['referrals', 'patient', patientId] as const;
export const incomingKey = ['referrals', 'incoming'] as const;

export function useReferrals(patientId: string) {
  return useQuery({
    queryKey: referralsKey(patientId),
    queryFn: ({ signal }) => api<ReferralList>('/api/referrals', { query: { patientId }, signal }),
  });
}

export function useIncoming(open: boolean) {
  return useInfiniteQuery({
    queryKey: [...incomingKey, open],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api<IncomingReferralPage>('/api/referrals/incoming', {
        query: { open: String(open), limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDesks() {
  return useQuery({
    queryKey: ['referrals', 'desks'],
    queryFn: ({ signal }) => api<AssociationDeskList>('/api/referrals/association-desks', { signal }),
  });
}

/** The directory's own search (the public one): every result carries its capacity signal and date. */
export function searchFacilities(type: string, q: string) {
  return api<FacilitySearchResponse>('/api/public/facilities', {
    query: { type, limit: 20, ...(q ? { q } : {}) },
  });
}

export function referralStep(id: string, step: string, body?: unknown) {
  return api<ReferralDto>(`/api/referrals/${id}/${step}`, { method: 'POST', body: body ?? {} });
}
