import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeAckBody, PendingAcknowledgment } from '../../../contracts/discharge';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { TextAreaField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ShowMore } from '../../components/show-more';
import { useLanguage } from '../../i18n/i18n';
import { pendingKey, usePending } from './discharge.api';
import './discharge.css';
import './discharge.messages';

/** The family doctor's list: answer each notice in one step, from a phone. */
export function NoticesPage() {
  const { t } = useTranslation('discharge');
  const pending = usePending();
  const items = pending.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading title={t('notices.title')} />
      <p className="page-narrow">{t('notices.intro')}</p>
      {pending.isPending ? <Loading /> : null}
      <ErrorAlert error={pending.error} />
      {pending.data && items.length === 0 ? <p>{t('notices.none')}</p> : null}
      {items.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
      <ShowMore list={pending} label={t('list.more')} />
    </>
  );
}

function NoticeCard({ notice }: { notice: PendingAcknowledgment }) {
  const { t } = useTranslation('discharge');
  const language = useLanguage();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const answer = useMutation({
    mutationFn: (body: NoticeAckBody) =>
      api(`/api/discharge-notices/${notice.id}/acknowledge`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: pendingKey }),
  });
  const isChange = notice.kind === 'provider_change';
  return (
    <article className="card notice-card" aria-labelledby={`notice-${notice.id}`}>
      <h2 id={`notice-${notice.id}`}>
        {t(`noticeKind.${notice.kind}`)}：{notice.patientName}
      </h2>
      <p>
        {t('notices.hospital')}：{notice.hospitalName}
      </p>
      {isChange && notice.role ? (
        <p>{t('notices.change', { role: t(`roles.${notice.role}`), to: notice.toLabel ?? '—' })}</p>
      ) : null}
      {notice.dueAt ? <p>{t('notices.due', { due: formatDateTime(notice.dueAt, language) })}</p> : null}
      <ErrorAlert error={answer.error} />
      {answer.isSuccess ? (
        <Alert kind="success">
          <p>{t('notices.done')}</p>
        </Alert>
      ) : isChange ? (
        <>
          <TextAreaField
            label={t('notices.reason')}
            hint={t('notices.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button
              className="button"
              type="button"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ answer: 'agree' })}
            >
              {t('notices.agree')}
            </button>
            <button
              className="button button--secondary"
              type="button"
              disabled={answer.isPending || reason.trim() === ''}
              onClick={() => answer.mutate({ answer: 'object', reason })}
            >
              {t('notices.object')}
            </button>
          </div>
        </>
      ) : (
        <button
          className="button"
          type="button"
          disabled={answer.isPending}
          onClick={() => answer.mutate({})}
        >
          {t('notices.ack')}
        </button>
      )}
    </article>
  );
}
