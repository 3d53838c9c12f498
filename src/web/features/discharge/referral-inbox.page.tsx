import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDto, ReferralEvent } from '../../../contracts/referrals';
import { ErrorAlert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { incomingKey, useIncoming } from './referral.api';
import { ReferralCard } from './referral-card';
import './discharge.css';
import './referral.messages';

/** Referrals addressed to the caller's facility or association desk: accept, decline or name in one step. */
export function ReferralInboxPage() {
  const { t } = useTranslation('referrals');
  const [showClosed, setShowClosed] = useState(false);
  const incoming = useIncoming(!showClosed);
  const items = incoming.data?.pages.flatMap((p) => p.items) ?? [];
  // An answer that closes a referral takes its card out of the open list (and the focus with it):
  // the page says what was done and holds the focus there.
  const [answered, setAnswered] = useState<{ event: ReferralEvent; referral: ReferralDto } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (answered) statusRef.current?.focus();
  }, [answered]);
  return (
    <div>
      <PageHeading title={t('inbox.title')} />
      <p>{t('inbox.intro')}</p>
      <label className="checkbox no-print">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
        {t('inbox.showClosed')}
      </label>
      <p className="referral-answered" role="status" tabIndex={-1} ref={statusRef}>
        {answered
          ? t(`inbox.answered.${answered.event}`, {
              defaultValue: t('inbox.answered.other'),
              role: t(`roles.${answered.referral.role}`),
              name: answered.referral.namedLabel ?? '',
            })
          : null}
      </p>
      <ErrorAlert error={incoming.error} />
      {incoming.isPending ? <Loading /> : null}
      {!incoming.isPending && items.length === 0 ? <p>{t('inbox.none')}</p> : null}
      {items.map((r) => (
        <div key={r.id}>
          <ReferralCard
            referral={r}
            invalidate={incomingKey}
            onAnswered={(event, referral) => setAnswered({ event, referral })}
          />
          {!r.patient && r.status !== 'sent' ? <p>{t('inbox.closedPatient')}</p> : null}
        </div>
      ))}
      {incoming.hasNextPage ? (
        <button className="button button--secondary" type="button" onClick={() => incoming.fetchNextPage()}>
          {t('inbox.more')}
        </button>
      ) : null}
    </div>
  );
}
