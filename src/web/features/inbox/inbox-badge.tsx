import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from './inbox.api';
import './inbox-badge.css';

/** The staff header's link to the inbox with its unread count (read aloud as "未読 N 件"). */
export function InboxBadge() {
  // The common namespace: the header is on every page, the inbox's messages load with its page.
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  const count = unread.data?.unreadCount ?? 0;
  return (
    <NavLink to="/staff/inbox" className="inbox-badge" aria-label={t('nav.inboxUnread', { count })}>
      <span aria-hidden="true">{t('nav.inbox')}</span>
      {count > 0 ? (
        <span className="inbox-badge__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
