import { useQuery } from '@tanstack/react-query';
import type { DataListResponse } from '../../../contracts/council';
import { api, apiUrl } from '../../app/api';

export function useDataList(fiscalYear: number) {
  return useQuery({
    queryKey: ['council', 'data-list', fiscalYear],
    queryFn: ({ signal }) =>
      api<DataListResponse>('/api/council/data-list', { query: { fiscalYear }, signal }),
  });
}

/** The CSV export (the server audits it), as a plain link the browser downloads. */
export function dataListCsvUrl(fiscalYear: number): string {
  return apiUrl('/api/council/data-list/export.csv', { fiscalYear });
}
