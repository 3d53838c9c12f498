import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DischargeCaseCreateBody, DischargeCaseDetail } from '../../../contracts/discharge';
import type { PatientList } from '../../../contracts/patients';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import './discharge.messages';

const tokyoToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

/** Hospital or 包括 staff open a case; the circle is told at admission. */
export function OpenCasePage() {
  const { t } = useTranslation('discharge');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const patients = useQuery({
    queryKey: ['patients', 'for-discharge'],
    queryFn: ({ signal }) => api<PatientList>('/api/patients', { query: { limit: 200 }, signal }),
  });
  const open = useMutation({
    mutationFn: (body: DischargeCaseCreateBody) =>
      api<DischargeCaseDetail>('/api/discharge-cases', { method: 'POST', body }),
    onSuccess: (created) => navigate(`/staff/discharge/${created.id}`),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    open.mutate({
      patientId: String(form.get('patientId')),
      hospitalName: text('hospitalName'),
      admittedOn: String(form.get('admittedOn')),
      expectedDischargeOn: text('expectedOn'),
      note: text('note'),
    });
  }

  return (
    <>
      <PageHeading title={t('open.title')} />
      <p className="page-narrow">{t('open.intro')}</p>
      {patients.isPending ? <Loading /> : null}
      <ErrorAlert error={patients.error ?? open.error} />
      {/* Rendered once the list is in: a select's default (?patientId=) applies only at mount. */}
      {patients.data ? (
        <form className="form page-narrow" onSubmit={submit}>
          <SelectField
            name="patientId"
            label={t('open.patient')}
            hint={t('open.patientHint')}
            required
            defaultValue={params.get('patientId') ?? ''}
            emptyLabel="—"
            options={patients.data.items.map((p) => ({
              value: p.id,
              label: `${p.name}（${p.nameKana}）`,
            }))}
          />
          <TextField
            name="hospitalName"
            label={t('open.hospitalName')}
            hint={t('open.hospitalHint')}
            required
          />
          <TextField
            name="admittedOn"
            type="date"
            label={t('open.admittedOn')}
            required
            defaultValue={tokyoToday()}
          />
          <TextField name="expectedOn" type="date" label={t('open.expectedOn')} />
          <TextField name="note" label={t('open.note')} />
          <button className="button" type="submit" disabled={open.isPending}>
            {t('open.submit')}
          </button>
        </form>
      ) : null}
    </>
  );
}
