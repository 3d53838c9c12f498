import { useTranslation } from 'react-i18next';
import { type AdminUser, accountsApi } from '../../../contracts/accounts';
import { DateTime } from '../../components/date-time';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';

/** Posts to an admin user endpoint, after the question (if any) was confirmed. */
export type RunUserAction = (path: string, question?: string) => void;

function UserStatusBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation('admin');
  const locked = user.lockedUntil && new Date(user.lockedUntil) > new Date();
  return (
    <>
      <span className={`badge ${user.status === 'active' ? 'badge--success' : 'badge--error'}`}>
        {user.status === 'active' ? t('users.active') : t('users.disabled')}
      </span>{' '}
      {locked ? <span className="badge badge--warning">{t('users.locked')}</span> : null}{' '}
      {user.isDemo ? <span className="badge">{t('users.demo')}</span> : null}{' '}
      {user.twoFactorResetRequestedBy ? (
        <span className="badge badge--warning">
          {t('users.resetPending', { by: user.twoFactorResetRequestedBy })}
        </span>
      ) : null}
    </>
  );
}

function UserActions({ user, run, busy }: { user: AdminUser; run: RunUserAction; busy: boolean }) {
  const { t } = useTranslation('admin');
  const name = user.displayName;
  const button = (label: string, path: string, question?: string) => (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={busy}
      aria-label={`${label}: ${name}`}
      onClick={() => run(path, question)}
    >
      {label}
    </button>
  );
  return (
    <div className="table-actions">
      {user.status === 'active'
        ? button(t('users.disable'), accountsApi.userDisable(user.id), t('users.disableConfirm', { name }))
        : button(t('users.enable'), accountsApi.userEnable(user.id))}
      {user.twoFactorEnrolled && user.twoFactorResetRequestedBy
        ? button(
            t('users.approveReset'),
            accountsApi.userResetTwoFactor(user.id),
            t('users.approveConfirm', { name, by: user.twoFactorResetRequestedBy }),
          )
        : user.twoFactorEnrolled
          ? button(
              t('users.resetTwoFactor'),
              accountsApi.userResetTwoFactor(user.id),
              t('users.resetConfirm', { name }),
            )
          : null}
    </div>
  );
}

/** One staff account in the users table. */
export function UserRow({ user, run, busy }: { user: AdminUser; run: RunUserAction; busy: boolean }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const language = useLanguage();
  return (
    <tr>
      <th scope="row">
        {user.displayName}
        <span className="field__hint mono">{user.email}</span>
      </th>
      <td>
        <UserStatusBadges user={user} />
      </td>
      <td>{user.twoFactorEnrolled ? t('users.enrolled') : t('users.notEnrolled')}</td>
      <td>
        <ul className="plain-list">
          {user.memberships.map((m) => (
            <li key={m.id}>
              {m.organisationName}（{common(`roles.${m.role}`)}）
            </li>
          ))}
        </ul>
      </td>
      <td>
        <DateTime value={user.lastLoginAt} language={language} />
      </td>
      <td>
        <UserActions user={user} run={run} busy={busy} />
      </td>
    </tr>
  );
}
