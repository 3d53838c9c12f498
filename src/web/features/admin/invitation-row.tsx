import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Invitation } from '../../../contracts/accounts';
import { DateTime } from '../../components/date-time';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';

const statusBadge: Record<Invitation['status'], string> = {
  pending: 'badge--warning',
  accepted: 'badge--success',
  revoked: 'badge--error',
  expired: '',
};

/** One invitation: who, where, state, and the way to its mail (and to revoke it while pending). */
export function InvitationRow({
  invitation,
  onRevoke,
  busy,
}: {
  invitation: Invitation;
  onRevoke: (invitation: Invitation) => void;
  busy: boolean;
}) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const language = useLanguage();
  return (
    <tr>
      <th scope="row" className="mono">
        {invitation.email}
      </th>
      <td>
        {invitation.organisationName}
        <span className="field__hint">{common(`roles.${invitation.role}`)}</span>
      </td>
      <td>
        <span className={`badge ${statusBadge[invitation.status]}`}>
          {t(`invitations.${invitation.status}`)}
        </span>
      </td>
      <td>
        <DateTime value={invitation.createdAt} language={language} />
        {invitation.invitedByLabel ? <span className="field__hint">{invitation.invitedByLabel}</span> : null}
      </td>
      <td>
        <DateTime value={invitation.expiresAt} language={language} />
      </td>
      <td>
        <div className="table-actions">
          {invitation.mailId ? (
            <Link
              to={`/admin/outbox/${invitation.mailId}`}
              className="button button--secondary button--small"
              aria-label={`${t('invitations.readMail')}: ${invitation.email}`}
            >
              {t('invitations.readMail')}
            </Link>
          ) : null}
          {invitation.status === 'pending' ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              aria-label={`${t('invitations.revoke')}: ${invitation.email}`}
              onClick={() => onRevoke(invitation)}
            >
              {t('invitations.revoke')}
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
