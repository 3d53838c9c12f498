import { useTranslation } from 'react-i18next';
import { useLogout } from '../../app/session';
import { ErrorAlert } from '../../components/alert';
import './accounts.messages';

export function LogoutSection() {
  const { t } = useTranslation('accounts');
  const logout = useLogout();
  return (
    <section aria-labelledby="logout-title">
      <h2 id="logout-title">{t('settings.logoutTitle')}</h2>
      <p>{t('settings.logoutBody')}</p>
      <ErrorAlert error={logout.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
        >
          {t('settings.logout')}
        </button>
      </div>
    </section>
  );
}
