import { useTranslation } from 'react-i18next';
import './accounts.messages';

/** Freshly issued recovery codes: shown once, printable. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation('accounts');
  return (
    <section aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('enrol.recoveryTitle')}</h2>
      <p>{t('enrol.recoveryBody')}</p>
      <ul className="code-list card" aria-label={t('enrol.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('enrol.print')}
        </button>
      </div>
    </section>
  );
}
