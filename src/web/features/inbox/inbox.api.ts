import { useQuery } from '@tanstack/react-query';
import type { InboxPage, InboxUnreadCount } from '../../../contracts/inbox';
import type { FaxSheet, NoticeLinkView } from '../../../contracts/notices';
import { api } from '../../app/api';

export const inboxKey = ['inbox'] as const;
export const unreadKey = ['inbox', 'unread'] as const;

/** The record type of discharge notices (their agree/object answer goes to the discharge route). */
export const DISCHARGE_NOTICE = 'discharge.notice';

/** The first 100 notices in the API's order: unread first, then newest. */
export function useInbox() {
  return useQuery({
    queryKey: inboxKey,
    queryFn: ({ signal }) => api<InboxPage>('/api/inbox', { query: { limit: 100 }, signal }),
  });
}

/** The header badge: polled once a minute, and refreshed whenever the inbox changes. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadKey,
    enabled,
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api<InboxUnreadCount>('/api/inbox/unread-count', { signal }),
  });
}

export const markRead = (id: string) => api(`/api/inbox/${id}/read`, { method: 'POST', body: {} });
export const acknowledge = (id: string) => api(`/api/inbox/${id}/acknowledge`, { method: 'POST', body: {} });
export const answerDischargeNotice = (
  noticeId: string,
  body: { answer: 'agree' | 'object'; reason?: string },
) => api(`/api/discharge-notices/${noticeId}/acknowledge`, { method: 'POST', body });

export const issueFaxSheet = (noticeId: string) =>
  api<FaxSheet>(`/api/discharge-notices/${noticeId}/fax-sheet`, { method: 'POST', body: {} });

export function useNoticeLink(token: string) {
  return useQuery({
    queryKey: ['notice-link', token],
    retry: false,
    queryFn: ({ signal }) => api<NoticeLinkView>(`/api/notice-links/${token}`, { signal }),
  });
}

export const answerNoticeLink = (
  token: string,
  body: { name: string; answer?: 'agree' | 'object'; reason?: string },
) => api(`/api/notice-links/${token}/answer`, { method: 'POST', body });
