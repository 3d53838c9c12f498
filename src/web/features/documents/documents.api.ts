import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail } from '../../../contracts/documents';
import { api } from '../../app/api';

export const documentKey = (id: string, version?: number) => ['documents', id, version ?? 'latest'] as const;

export function useDocument(id: string, version?: number) {
  return useQuery({
    queryKey: documentKey(id, version),
    queryFn: ({ signal }) => api<DocumentDetail>(`/api/documents/${id}`, { query: { version }, signal }),
  });
}
