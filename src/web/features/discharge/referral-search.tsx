import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitySearchItem } from '../../../contracts/directory';
import { ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { useLanguage } from '../../i18n/i18n';
import { searchFacilities } from './referral.api';
import './referral.css';
import './referral.messages';

/**
 * Directory search by facility type (the directory's own API): each result shows its capacity
 * signal and the date it was set, so the sender sees both before choosing.
 */
export function ReferralFacilitySearch({
  title,
  types,
  actionLabel,
  onChoose,
}: {
  title: string;
  types: readonly string[];
  actionLabel: string;
  onChoose: (facility: FacilitySearchItem) => void;
}) {
  const { t } = useTranslation('referrals');
  const language = useLanguage();
  const headingId = useId();
  const search = useMutation({
    mutationFn: (b: { type: string; q: string }) => searchFacilities(b.type, b.q),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    search.mutate({ type: String(form.get('type')), q: String(form.get('q') ?? '').trim() });
  }
  return (
    <section aria-labelledby={headingId} className="no-print">
      <h4 id={headingId}>{title}</h4>
      <form className="form" onSubmit={submit} aria-label={title}>
        <SelectField
          name="type"
          label={t('search.type')}
          options={types.map((v) => ({ value: v, label: t(`types.${v}`) }))}
        />
        <TextField name="q" label={t('search.keyword')} />
        <button className="button button--secondary" type="submit" disabled={search.isPending}>
          {t('search.submit')}
        </button>
      </form>
      <ErrorAlert error={search.error} />
      {search.data ? (
        search.data.items.length === 0 ? (
          <p>{t('search.none')}</p>
        ) : (
          <ul className="referral-results" aria-label={t('search.results')}>
            {search.data.items.map((f) => (
              <li key={f.id}>
                <strong>{f.name}</strong> {f.address}
                <br />
                <span data-testid="result-capacity">
                  {f.capacity
                    ? t('section.capacity', {
                        signal: t(`signal.${f.capacity.signal}`),
                        date: formatDateTime(f.capacity.setAt, language),
                      })
                    : t('section.capacityUnknown')}
                </span>{' '}
                <button className="button button--secondary" type="button" onClick={() => onChoose(f)}>
                  {actionLabel}
                  <span className="visually-hidden">：{f.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
