import { useQuery } from '@tanstack/react-query';
import type { FiguresResponse } from '../../../contracts/figures';
import { api, apiUrl } from '../../app/api';

export function useFigures(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: ['figures', 'discharge', fiscalYear ?? 'current'],
    queryFn: ({ signal }) =>
      api<FiguresResponse>('/api/discharge-figures', {
        query: fiscalYear ? { fiscalYear } : {},
        signal,
      }),
  });
}

/** The CSV export (the server audits it), as a plain link the browser downloads. */
export function figuresCsvUrl(fiscalYear: number): string {
  return apiUrl('/api/discharge-figures/export.csv', { fiscalYear });
}
