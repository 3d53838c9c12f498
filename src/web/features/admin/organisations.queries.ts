import { useQuery } from '@tanstack/react-query';
import { accountsApi, type OrganisationList, type OrganisationListQuery } from '../../../contracts/accounts';
import { api } from '../../app/api';

export const organisationsKey = ['admin', 'organisations'] as const;

/** Organisations of the admin's municipality (optionally filtered). */
export function useOrganisations(filters: Partial<OrganisationListQuery> = {}) {
  return useQuery({
    queryKey: [...organisationsKey, filters],
    queryFn: ({ signal }) => api<OrganisationList>(accountsApi.organisations, { query: filters, signal }),
  });
}
