import { useQuery } from '@tanstack/react-query';
import type {
  CapacityDto,
  CapacitySignal,
  ChangeRequestDetail,
  ChangeRequestDto,
  ChangeRequestListResponse,
  ConfirmResponse,
  FacilityChangeRequestBody,
  FacilityChangeRequestsResponse,
  FacilityDetail,
  FacilityHistoryEntry,
  ReviewDecisionBody,
} from '../../../../contracts/directory';
import { api } from '../../../app/api';

export type MyFacility = FacilityDetail & { pendingRequests: number };

export const staffKeys = {
  mine: ['directory-staff', 'my-facilities'] as const,
  requests: (query: Record<string, string | number | undefined>) =>
    ['directory-staff', 'requests', query] as const,
  request: (id: string) => ['directory-staff', 'request', id] as const,
  history: (id: string) => ['directory-staff', 'history', id] as const,
  ownRequests: (facilityId: string) => ['directory-staff', 'own-requests', facilityId] as const,
};

export function useMyFacilities() {
  return useQuery({
    queryKey: staffKeys.mine,
    queryFn: ({ signal }) => api<{ items: MyFacility[] }>('/api/directory/my-facilities', { signal }),
  });
}

export function setCapacity(facilityId: string, signal: CapacitySignal): Promise<CapacityDto> {
  return api<CapacityDto>(`/api/directory/facilities/${facilityId}/capacity`, {
    method: 'PUT',
    body: { signal },
  });
}

/** "内容に変更なし": confirms every field and capability of the facility as of today. */
export function confirmUnchanged(facilityId: string): Promise<ConfirmResponse> {
  return api<ConfirmResponse>(`/api/directory/facilities/${facilityId}/confirm`, { method: 'POST' });
}

export function submitChangeRequest(
  facilityId: string,
  body: FacilityChangeRequestBody,
): Promise<ChangeRequestDto> {
  return api<ChangeRequestDto>(`/api/directory/facilities/${facilityId}/change-requests`, {
    method: 'POST',
    body,
  });
}

/** The facility's own requests (pending with their diff, then the latest decisions), for its editor. */
export function useOwnChangeRequests(facilityId: string) {
  return useQuery({
    queryKey: staffKeys.ownRequests(facilityId),
    queryFn: ({ signal }) =>
      api<FacilityChangeRequestsResponse>(`/api/directory/facilities/${facilityId}/change-requests`, {
        signal,
      }),
  });
}

/** The editor takes back a pending request (the ward no longer sees it in the queue). */
export function withdrawChangeRequest(id: string): Promise<ChangeRequestDto> {
  return api<ChangeRequestDto>(`/api/directory/change-requests/${id}/withdraw`, { method: 'POST' });
}

export function useChangeRequests(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: staffKeys.requests(query),
    queryFn: ({ signal }) =>
      api<ChangeRequestListResponse>('/api/directory/change-requests', { query, signal }),
  });
}

export function useChangeRequest(id: string) {
  return useQuery({
    queryKey: staffKeys.request(id),
    queryFn: ({ signal }) => api<ChangeRequestDetail>(`/api/directory/change-requests/${id}`, { signal }),
  });
}

export function decideChangeRequest(id: string, body: ReviewDecisionBody): Promise<ChangeRequestDto> {
  return api<ChangeRequestDto>(`/api/directory/change-requests/${id}/decision`, { method: 'POST', body });
}

export function useFacilityHistory(facilityId: string) {
  return useQuery({
    queryKey: staffKeys.history(facilityId),
    queryFn: ({ signal }) =>
      api<{ items: FacilityHistoryEntry[] }>(`/api/directory/facilities/${facilityId}/history`, { signal }),
  });
}
