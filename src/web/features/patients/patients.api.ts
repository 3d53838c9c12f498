import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AccessLogList,
  CircleHistory,
  CircleMember,
  CircleMemberInput,
  PatientCreated,
  PatientDetail,
  PatientInput,
  PatientList,
  PatientTownList,
} from '../../../contracts/patients';
import { api } from '../../app/api';

export const patientKey = (id: string) => ['patients', 'detail', id] as const;

export function usePatientList(kana: string) {
  return useInfiniteQuery({
    queryKey: ['patients', 'list', kana],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PatientList>('/api/patients', {
        query: { kana: kana || undefined, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKey(id),
    queryFn: ({ signal }) => api<PatientDetail>(`/api/patients/${id}`, { signal }),
    retry: false,
  });
}

export function useCircleHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['patients', 'circle', id],
    queryFn: ({ signal }) => api<CircleHistory>(`/api/patients/${id}/circle`, { signal }),
    enabled,
  });
}

export function usePatientAccessLog(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['patients', 'access-log', id],
    queryFn: ({ signal }) =>
      api<AccessLogList>('/api/admin/access-log', { query: { patientId: id, limit: 50 }, signal }),
    enabled,
  });
}

export function useTowns() {
  return useQuery({
    queryKey: ['patients', 'towns'],
    queryFn: ({ signal }) => api<PatientTownList>('/api/patients/towns', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const createPatient = (body: PatientInput) =>
  api<PatientCreated>('/api/patients', { method: 'POST', body });

export const addCircleMember = (id: string, body: Partial<CircleMemberInput>) =>
  api<CircleMember>(`/api/patients/${id}/circle`, { method: 'POST', body });

export const endCircleMember = (id: string, memberId: string, reason: string) =>
  api<CircleMember>(`/api/patients/${id}/circle/${memberId}/end`, { method: 'POST', body: { reason } });

export const breakGlass = (id: string, reason: string) =>
  api<{ patientId: string; expiresAt: string }>(`/api/patients/${id}/break-glass`, {
    method: 'POST',
    body: { reason },
  });
