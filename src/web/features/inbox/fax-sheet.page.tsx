import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import { issueFaxSheet } from './inbox.api';
import './fax-sheet.css';
import './inbox.messages';

/**
 * The printable A4 FAX cover sheet of a notice to a recipient without an account. Created on a
 * button press, not on load: each sheet issues a new one-time link and retires the older one.
 */
export function FaxSheetPage() {
  const { t } = useTranslation('inbox');
  const language = useLanguage();
  const { id = '' } = useParams();
  const sheet = useMutation({ mutationFn: () => issueFaxSheet(id) });
  const s = sheet.data;
  return (
    <>
      <div className="no-print">
        <PageHeading title={t('fax.title')} />
        <p className="page-narrow">{t('fax.intro')}</p>
        <ErrorAlert error={sheet.error} />
        <div className="inbox-actions">
          <button
            type="button"
            className="button inbox-button"
            disabled={sheet.isPending}
            onClick={() => sheet.mutate()}
          >
            {t('fax.create')}
          </button>
          {s ? (
            <button
              type="button"
              className="button button--secondary inbox-button"
              onClick={() => window.print()}
            >
              {t('fax.print')}
            </button>
          ) : null}
        </div>
      </div>
      {s ? (
        <article className="fax-sheet" aria-label={t('fax.title')}>
          <h2 className="fax-sheet__title">FAX 送付状 / FAX cover sheet</h2>
          <dl className="fax-sheet__head">
            <dt>{t('fax.to')}</dt>
            <dd>{s.recipientLabel} 御中</dd>
            {s.recipientFax ? (
              <>
                <dt>{t('fax.faxNumber')}</dt>
                <dd>{s.recipientFax}</dd>
              </>
            ) : null}
            <dt>{t('fax.from')}</dt>
            <dd>
              {s.hospitalName}
              {s.hospitalPhone ? `（TEL ${s.hospitalPhone}）` : ''}
            </dd>
            <dt>{t('fax.subject')}</dt>
            <dd>{t(`fax.kinds.${s.kind}`)}</dd>
            <dt>{t('fax.patient')}</dt>
            <dd>{s.maskedPatientName}</dd>
          </dl>
          <p>{t('fax.body')}</p>
          <div className="fax-sheet__link">
            <img
              className="fax-sheet__qr"
              src={`data:image/svg+xml;utf8,${encodeURIComponent(s.qrSvg)}`}
              alt={t('fax.qrAlt')}
            />
            <p className="fax-sheet__url">{s.url}</p>
          </div>
          <p>{t('fax.expires', { at: formatDateTime(s.expiresAt, language) })}</p>
          <p>
            {s.hospitalPhone
              ? t('fax.phone', { hospital: s.hospitalName, phone: s.hospitalPhone })
              : t('fax.noPhone', { hospital: s.hospitalName })}
          </p>
          <p className="fax-sheet__privacy">{t('fax.privacy')}</p>
        </article>
      ) : null}
    </>
  );
}
