import { useTranslation } from 'react-i18next';

/** A polite "loading" line; screen readers hear it once. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('status.loading')}
    </p>
  );
}
