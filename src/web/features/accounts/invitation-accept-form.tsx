import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationAccept } from '../../../contracts/accounts';
import { TextField } from '../../components/field';
import './accounts.messages';
import { NewPasswordFields, readNewPassword } from './password-fields';

/** Name and password of the invitee (the password twice, compared before sending). */
export function InvitationAcceptForm({
  email,
  pending,
  onAccept,
}: {
  email: string;
  pending: boolean;
  onAccept: (body: Omit<InvitationAccept, 'token'>) => void;
}) {
  const { t } = useTranslation('accounts');
  const [mismatch, setMismatch] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = readNewPassword(form);
    setMismatch(password === undefined);
    if (password !== undefined) onAccept({ displayName: String(form.get('displayName') ?? ''), password });
  }

  return (
    <form className="form" onSubmit={submit}>
      {/* Lets password managers file the new password under the right address. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        label={t('invite.displayName')}
        hint={t('invite.displayNameHint')}
        name="displayName"
        autoComplete="name"
        maxLength={100}
        required
      />
      <NewPasswordFields
        mismatch={mismatch}
        labels={{ first: t('invite.password'), second: t('invite.confirmPassword') }}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {t('invite.submit')}
        </button>
      </div>
    </form>
  );
}
