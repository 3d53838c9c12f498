import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  return (
    <div>
      <PageHeading title={t('inbox.title')} />
      <p>{t('inbox.intro')}</p>
      <label className="checkbox no-print">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
        {t('inbox.showClosed')}
      </label>
      <ErrorAlert error={incoming.error} />
      {incoming.isPending ? <Loading /> : null}
      {!incoming.isPending && items.length === 0 ? <p>{t('inbox.none')}</p> : null}
      {items.map((r) => (
        <div key={r.id}>
          <ReferralCard referral={r} invalidate={incomingKey} />
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
