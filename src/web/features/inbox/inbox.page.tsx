import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxNotice } from '../../../contracts/inbox';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { TextAreaField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import {
  acknowledge,
  answerDischargeNotice,
  DISCHARGE_NOTICE,
  inboxKey,
  markRead,
  useInbox,
} from './inbox.api';
import './inbox.css';
import './inbox.messages';

/** The signed-in person's inbox: read, acknowledge, and answer a discharge notice in one step. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const inbox = useInbox();
  const client = useQueryClient();
  const readAll = useMutation({
    mutationFn: () => api('/api/inbox/read-all', { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKey }),
  });
  // The API's order: unread first, then newest, so what needs doing is on top.
  const items = inbox.data?.items ?? [];
  return (
    <>
      <PageHeading title={t('title')} />
      <p className="page-narrow">{t('intro')}</p>
      {inbox.isPending ? <Loading /> : null}
      <ErrorAlert error={inbox.error ?? readAll.error} />
      {inbox.data ? (
        <div className="inbox-toolbar">
          <p aria-live="polite">{t('unreadCount', { count: inbox.data.unreadCount })}</p>
          {inbox.data.unreadCount > 0 ? (
            <button
              type="button"
              className="button button--secondary inbox-button"
              disabled={readAll.isPending}
              onClick={() => readAll.mutate()}
            >
              {t('readAll')}
            </button>
          ) : null}
        </div>
      ) : null}
      {inbox.data && items.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="inbox-list">
        {items.map((n) => (
          <li key={n.id}>
            <InboxItem notice={n} />
          </li>
        ))}
      </ul>
    </>
  );
}

function InboxItem({ notice }: { notice: InboxNotice }) {
  const { t } = useTranslation('inbox');
  const language = useLanguage();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: inboxKey });
  const step = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: refresh,
  });
  const unread = notice.readAt === null;
  const isChange = notice.recordType === DISCHARGE_NOTICE && notice.kind === 'discharge.provider_change';
  const isPhoneTask = notice.kind === 'discharge.phone_task';
  const open = notice.requiresAck && notice.acknowledgedAt === null;
  const headingId = `inbox-${notice.id}`;
  return (
    <article className={`card inbox-item${unread ? ' inbox-item--unread' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="inbox-item__title">
        {unread ? <span className="inbox-item__unread">{t('unread')}</span> : null}
        {notice.title}
      </h2>
      <p className="inbox-item__meta">{t('received', { at: formatDateTime(notice.createdAt, language) })}</p>
      <p className="inbox-item__body">{notice.body}</p>
      <ErrorAlert error={step.error} />
      {step.isSuccess && !open ? (
        <Alert kind="success">
          <p>{t('done')}</p>
        </Alert>
      ) : null}
      {open && isChange && notice.recordId ? (
        <>
          <TextAreaField
            label={t('reason')}
            hint={t('reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="inbox-actions">
            <button
              type="button"
              className="button inbox-button"
              disabled={step.isPending}
              onClick={() =>
                step.mutate(() => answerDischargeNotice(notice.recordId as string, { answer: 'agree' }))
              }
            >
              {t('agree')}
            </button>
            <button
              type="button"
              className="button button--secondary inbox-button"
              disabled={step.isPending || reason.trim() === ''}
              onClick={() =>
                step.mutate(() =>
                  answerDischargeNotice(notice.recordId as string, {
                    answer: 'object',
                    reason: reason.trim(),
                  }),
                )
              }
            >
              {t('object')}
            </button>
          </div>
        </>
      ) : null}
      <div className="inbox-actions">
        {open && !isChange ? (
          <button
            type="button"
            className="button inbox-button"
            disabled={step.isPending}
            onClick={() => step.mutate(() => acknowledge(notice.id))}
          >
            {isPhoneTask ? t('called') : t('ack')}
          </button>
        ) : null}
        {notice.acknowledgedAt ? <span className="inbox-item__done">{t('acknowledged')}</span> : null}
        {unread && !open ? (
          <button
            type="button"
            className="button button--secondary inbox-button"
            disabled={step.isPending}
            onClick={() => step.mutate(() => markRead(notice.id))}
          >
            {t('markRead')}
          </button>
        ) : null}
        {notice.link ? (
          <Link
            className="inbox-link"
            to={notice.link}
            onClick={() => (unread ? void markRead(notice.id) : undefined)}
          >
            {t('open')}
          </Link>
        ) : null}
      </div>
    </article>
  );
}
