import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import './admin.messages';

/**
 * Filters kept in the URL (shareable, and the back button restores them): submitting writes
 * every non-empty field into the query string.
 */
export function FilterForm({ children, label }: { children: ReactNode; label?: string }) {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '') next.set(key, value.trim());
    }
    setParams(next);
  }

  // The key remounts the fields when the URL changes (back button, clear), so they show its values.
  return (
    <form key={params.toString()} onSubmit={submit} aria-label={label ?? t('common.search')}>
      <div className="filters">
        {children}
        <div className="button-row filters__actions">
          <button type="submit" className="button button--small">
            {t('common.search')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setParams({})}
          >
            {t('common.clear')}
          </button>
        </div>
      </div>
    </form>
  );
}
