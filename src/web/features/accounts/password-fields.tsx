import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/field';
import './accounts.messages';

/** New password twice; `mismatch` marks the second field when they differ. */
export function NewPasswordFields({
  mismatch,
  labels,
}: {
  mismatch: boolean;
  labels?: { first: string; second: string };
}) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <TextField
        label={labels?.first ?? t('settings.newPassword')}
        hint={t('settings.newPasswordHint')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <TextField
        label={labels?.second ?? t('settings.confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
        error={mismatch ? t('settings.passwordMismatch') : undefined}
      />
    </>
  );
}

/** Reads the two new-password fields; undefined when they differ. */
export function readNewPassword(form: FormData): string | undefined {
  const first = String(form.get('newPassword') ?? '');
  return first === String(form.get('confirmPassword') ?? '') ? first : undefined;
}
