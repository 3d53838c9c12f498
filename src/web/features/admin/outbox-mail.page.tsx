import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { accountsApi, type OutboxMail, type OutboxMailDetail } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';
import { mailStatusBadge } from './mail-status';
import { MailText } from './mail-text';

function MailSummary({ mail }: { mail: OutboxMailDetail }) {
  const { t } = useTranslation('admin');
  const language = useLanguage();
  return (
    <dl className="summary-list card">
      <dt>{t('outbox.subject')}</dt>
      <dd>{mail.subject}</dd>
      <dt>{t('outbox.to')}</dt>
      <dd className="mono">{mail.to}</dd>
      <dt>{t('outbox.status')}</dt>
      <dd>
        <span className={`badge ${mailStatusBadge[mail.status]}`}>{t(`outbox.${mail.status}`)}</span>
      </dd>
      <dt>{t('outbox.created')}</dt>
      <dd>
        <DateTime value={mail.createdAt} language={language} />
      </dd>
      <dt>{mail.status === 'sent' ? t('outbox.sentAt') : t('outbox.nextAttempt')}</dt>
      <dd>
        <DateTime value={mail.status === 'sent' ? mail.sentAt : mail.nextAttemptAt} language={language} />
      </dd>
      {mail.lastError ? (
        <>
          <dt>{t('outbox.lastError')}</dt>
          <dd className="mono">{mail.lastError}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** One mail of the outbox: headers, delivery state and its text. */
export function OutboxMailPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const client = useQueryClient();
  const mail = useQuery({
    queryKey: ['admin', 'outbox', 'mail', id],
    queryFn: ({ signal }) => api<OutboxMailDetail>(accountsApi.outboxMail(id), { signal }),
  });
  const retry = useMutation({
    mutationFn: () => api<OutboxMail>(accountsApi.outboxRetry(id), { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'outbox'] }),
  });
  const data = mail.data;
  return (
    <div className="page-narrow">
      <PageHeading title={data ? `${t('outbox.detailTitle')}: ${data.subject}` : t('outbox.detailTitle')} />
      <p>
        <Link to="/admin/outbox" className="tap-link">
          {t('outbox.back')}
        </Link>
      </p>
      <ErrorAlert error={mail.error ?? retry.error} />
      {mail.isPending ? <Loading /> : null}
      {data ? (
        <>
          <MailSummary mail={data} />
          {data.status !== 'sent' ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => retry.mutate()}
                disabled={retry.isPending}
              >
                {t('outbox.retry')}
              </button>
            </div>
          ) : null}
          <h2>{t('outbox.body')}</h2>
          <MailText text={data.bodyText} />
        </>
      ) : null}
    </div>
  );
}
