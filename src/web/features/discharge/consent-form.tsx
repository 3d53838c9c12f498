import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentBody } from '../../../contracts/discharge';
import { SelectField, TextField } from '../../components/field';

/** Now in Tokyo as a datetime-local value. */
const tokyoNow = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 16);

/** The explicit consent for this switch: who, when, how, what, and the alternatives offered. */
export function ConsentForm({
  onSubmit,
  pending,
}: {
  onSubmit: (body: ConsentBody) => void;
  pending: boolean;
}) {
  const { t } = useTranslation('discharge');
  const [givenBy, setGivenBy] = useState<'patient' | 'representative'>('representative');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    onSubmit({
      givenBy,
      representativeName: givenBy === 'representative' ? text('representativeName') : undefined,
      // the field is Tokyo time; Japan has no daylight saving
      givenAt: new Date(`${String(form.get('givenAt'))}:00+09:00`).toISOString(),
      method: String(form.get('method')) as ConsentBody['method'],
      agreed: String(form.get('agreed') ?? ''),
      offeredKeepCurrent: form.get('offeredKeepCurrent') === 'on',
      offeredSharedCare: form.get('offeredSharedCare') === 'on',
      documentRef: text('documentRef'),
    });
  }
  return (
    <form className="form no-print" onSubmit={submit} aria-label={t('consent.title')}>
      <h4>{t('consent.title')}</h4>
      <SelectField
        name="givenBy"
        label={t('consent.givenBy')}
        value={givenBy}
        onChange={(e) => setGivenBy(e.target.value as typeof givenBy)}
        options={[
          { value: 'representative', label: t('consent.representative') },
          { value: 'patient', label: t('consent.patient') },
        ]}
      />
      {givenBy === 'representative' ? (
        <TextField name="representativeName" label={t('consent.representativeName')} required />
      ) : null}
      <TextField
        name="givenAt"
        type="datetime-local"
        label={t('consent.givenAt')}
        required
        defaultValue={tokyoNow()}
      />
      <SelectField
        name="method"
        label={t('consent.method')}
        options={(['in_person', 'phone', 'document'] as const).map((m) => ({
          value: m,
          label: t(`consent.methods.${m}`),
        }))}
      />
      <TextField name="agreed" label={t('consent.agreed')} required />
      <label className="checkbox">
        <input type="checkbox" name="offeredKeepCurrent" defaultChecked />
        {t('consent.offeredKeepCurrent')}
      </label>
      <label className="checkbox">
        <input type="checkbox" name="offeredSharedCare" defaultChecked />
        {t('consent.offeredSharedCare')}
      </label>
      <TextField name="documentRef" label={t('consent.documentRef')} />
      <button className="button" type="submit" disabled={pending}>
        {t('consent.submit')}
      </button>
    </form>
  );
}
