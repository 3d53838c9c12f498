import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
// Types only: the contracts module (with zod) stays out of the public bundle.
import type { SessionResponse } from '../../contracts/accounts';
import type { Role } from '../../contracts/roles';
import { api, rememberCsrfToken } from './api';

export const sessionQueryKey = ['session'] as const;

/** Reads the session; the CSRF token it carries is kept for the next state-changing call. */
export async function fetchSession(): Promise<SessionResponse> {
  const session = await api<SessionResponse>('/api/session');
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in person (or an anonymous session) as the whole app sees it. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** Puts a session answer (login, two-factor, invitation) into the cache without another request. */
export function useSetSession() {
  const client = useQueryClient();
  return (session: SessionResponse) => {
    rememberCsrfToken(session.csrfToken);
    client.setQueryData(sessionQueryKey, session);
  };
}

/** True when the person finished login (password and, where required, two-factor). */
export function isFullySignedIn(session: SessionResponse | undefined): boolean {
  if (!session?.authenticated || !session.user) return false;
  const status = session.twoFactor?.status;
  return status === 'verified' || status === 'not_required';
}

export function hasRole(session: SessionResponse | undefined, role: Role): boolean {
  return Boolean(session?.user?.roles.includes(role));
}

/** Logs out, forgets every cached staff answer, and returns to the login page. */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST' }),
    onSuccess: async () => {
      // Staff data must not linger in memory after logout.
      client.clear();
      rememberCsrfToken(undefined);
      await client.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession });
      navigate('/login', { replace: true });
    },
  });
}
