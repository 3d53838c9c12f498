import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SessionResponse } from '../../../contracts/accounts';
import { useSession } from '../../app/session';
import { Alert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import './accounts.messages';
import { LogoutSection } from './logout-section';
import { OwnAccessSection } from './own-access-section';
import { PasswordChangeSection } from './password-change-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

function ProfileSection({ session }: { session: SessionResponse }) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const language = useLanguage();
  const user = session.user;
  if (!user) return null;
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <dl className="summary-list">
        <dt>{t('settings.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('settings.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('settings.municipality')}</dt>
        <dd>{user.municipalityName}</dd>
        <dt>{t('settings.memberships')}</dt>
        <dd>
          <ul>
            {user.memberships.map((membership) => (
              <li key={`${membership.organisationId}-${membership.role}`}>
                {membership.organisationName}（{common(`roles.${membership.role}`)}）
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('settings.sessionEnds')}</dt>
        <dd>
          {t('settings.sessionEndsBody', {
            idle: formatDateTime(session.idleExpiresAt, language),
            absolute: formatDateTime(session.absoluteExpiresAt, language),
          })}
        </dd>
      </dl>
    </section>
  );
}

/** The signed-in person's own account: who they are, password, two-factor, logout. */
export function SettingsPage() {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const session = useSession();
  if (!session.data?.user) return <Loading />;
  const mustChange = session.data.passwordChangeRequired || params.get('passwordChange') === '1';
  return (
    <div className="page-narrow">
      <PageHeading title={t('settings.title')} />
      {session.data.passwordChangeRequired ? (
        <Alert kind="warning">
          <p>{t('settings.passwordChangeRequired')}</p>
        </Alert>
      ) : null}
      <ProfileSection session={session.data} />
      <PasswordChangeSection highlighted={mustChange} />
      {session.data.passwordChangeRequired ? null : <TwoFactorSection twoFactor={session.data.twoFactor} />}
      {session.data.passwordChangeRequired ? null : <SessionsSection />}
      {session.data.passwordChangeRequired ? null : <OwnAccessSection />}
      <LogoutSection />
    </div>
  );
}
