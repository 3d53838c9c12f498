import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  accountsApi,
  type OwnSession,
  type OwnSessionList,
  type SessionsEndedResponse,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { Loading } from '../../components/loading';
import { useLanguage } from '../../i18n/i18n';
import './accounts.messages';

const sessionsKey = ['account', 'sessions'] as const;

function deviceLabel(session: OwnSession, unknown: string): string {
  const browser = session.device.browser === 'unknown' ? unknown : session.device.browser;
  const os = session.device.os === 'unknown' ? unknown : session.device.os;
  return `${browser}（${os}）`;
}

/** One's own signed-in devices: see them, end one, or end every other (stolen phone, shared PC). */
export function SessionsSection() {
  const { t } = useTranslation('accounts');
  const language = useLanguage();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api<OwnSessionList>(accountsApi.ownSessions, { signal }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: sessionsKey });
  const endOne = useMutation({
    mutationFn: (id: string) => api<SessionsEndedResponse>(accountsApi.ownSession(id), { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const endOthers = useMutation({
    mutationFn: () => api<SessionsEndedResponse>(accountsApi.ownSessionsRevokeOthers, { method: 'POST' }),
    onSuccess: refresh,
  });
  const items = list.data?.items ?? [];
  const others = items.filter((session) => !session.current);
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('settings.sessionsTitle')}</h2>
      <p>{t('settings.sessionsBody', { max: list.data?.maxSessions ?? 5 })}</p>
      {endOthers.isSuccess ? (
        <Alert kind="success">
          <p>{t('settings.sessionsEnded', { count: endOthers.data.ended })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={list.error ?? endOne.error ?? endOthers.error} />
      {list.isPending ? <Loading /> : null}
      <ul>
        {items.map((session) => (
          <li key={session.id}>
            <p>
              <strong>{deviceLabel(session, t('settings.sessionUnknown'))}</strong>
              {session.current ? `　${t('settings.sessionCurrent')}` : null}
              {session.twoFactorVerified ? null : `　${t('settings.sessionPartial')}`}
            </p>
            <p>
              {t('settings.sessionDetails', {
                created: formatDateTime(session.createdAt, language),
                lastSeen: formatDateTime(session.lastSeenAt, language),
                network: session.network ?? t('settings.sessionUnknown'),
              })}
            </p>
            {session.current ? null : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => endOne.mutate(session.id)}
                disabled={endOne.isPending}
                aria-label={t('settings.sessionEndLabel', {
                  device: deviceLabel(session, t('settings.sessionUnknown')),
                })}
              >
                {t('settings.sessionEnd')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => endOthers.mutate()}
            disabled={endOthers.isPending}
          >
            {t('settings.sessionsEndOthers')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
