import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  ageBands,
  type ConsultationCreateBody,
  type ConsultationDetail,
  gapFlags,
  triStates,
} from '../../../contracts/consultations';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { useDistricts } from './consultations.api';
import { CheckboxGroup, ContactFields, readContact } from './contact-fields';
import './consultations.messages';

/** 新規相談: the person consulted about and the first contact, in one form. */
export function NewConsultationPage() {
  const { t, i18n } = useTranslation('consultations');
  const navigate = useNavigate();
  const districts = useDistricts();
  const create = useMutation({
    mutationFn: (body: ConsultationCreateBody) =>
      api<ConsultationDetail>('/api/consultations', { method: 'POST', body }),
    onSuccess: (created) => navigate(`/staff/consultations/${created.id}`),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    create.mutate({
      subject: {
        name: text('name'),
        kana: text('kana'),
        ageBand: String(form.get('ageBand')) as ConsultationCreateBody['subject']['ageBand'],
        districtCode: text('districtCode'),
        livesInWard: String(form.get('livesInWard')) as ConsultationCreateBody['subject']['livesInWard'],
      },
      flags: form.getAll('flags').map(String) as ConsultationCreateBody['flags'],
      firstContact: readContact(form),
    });
  }

  return (
    <>
      <PageHeading title={t('form.title')} />
      <p className="page-narrow">{t('form.intro')}</p>
      <ErrorAlert error={create.error} />
      <form className="form page-narrow" onSubmit={submit}>
        <fieldset className="field consultation-section">
          <legend>{t('form.subject')}</legend>
          <p className="field__hint">{t('form.subjectHint')}</p>
          <TextField name="name" label={t('form.name')} autoComplete="off" maxLength={100} />
          <TextField name="kana" label={t('form.kana')} autoComplete="off" maxLength={100} />
          <SelectField
            name="ageBand"
            label={t('form.ageBand')}
            defaultValue="unknown"
            options={ageBands.map((a) => ({ value: a, label: t(`ageBand.${a}`) }))}
          />
          <SelectField
            name="districtCode"
            label={t('form.district')}
            emptyLabel="—"
            options={(districts.data?.items ?? []).map((d) => ({
              value: d.code,
              label: i18n.language === 'en' && d.nameEn ? d.nameEn : d.name,
            }))}
          />
          <SelectField
            name="livesInWard"
            label={t('form.livesInWard')}
            defaultValue="unknown"
            options={triStates.map((v) => ({ value: v, label: t(`tri.${v}`) }))}
          />
        </fieldset>
        <fieldset className="field consultation-section">
          <legend>{t('form.contact')}</legend>
          <ContactFields />
        </fieldset>
        <CheckboxGroup
          name="flags"
          legend={t('form.flags')}
          values={gapFlags}
          labelOf={(v) => t(`flag.${v}`)}
        />
        <button className="button" type="submit" disabled={create.isPending}>
          {t('form.submit')}
        </button>
      </form>
    </>
  );
}
