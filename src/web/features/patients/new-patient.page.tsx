import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CareLevel, careLevels, type PatientInput, type Sex, sexes } from '../../../contracts/patients';
import { Alert, ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { createPatient, useTowns } from './patients.api';
import './patients.messages';

/** Registers a patient (minimum data); warns when the kana and birth date match another record. */
export function NewPatientPage() {
  const { t } = useTranslation('patients');
  const towns = useTowns();
  const [form, setForm] = useState({
    name: '',
    nameKana: '',
    birthDate: '',
    sex: 'female' as Sex,
    addressTown: '',
    addressDetail: '',
    careLevel: 'none' as CareLevel,
    insurerNumber: '',
    keyPersonName: '',
    keyPersonRelation: '',
    keyPersonPhone: '',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const create = useMutation({
    mutationFn: () => {
      const body: Partial<PatientInput> = {
        name: form.name,
        nameKana: form.nameKana,
        birthDate: form.birthDate,
        sex: form.sex,
        addressTown: form.addressTown,
        addressDetail: form.addressDetail || null,
        careLevel: form.careLevel,
        insurerNumber: form.insurerNumber || null,
        keyPerson: form.keyPersonName
          ? {
              name: form.keyPersonName,
              relation: form.keyPersonRelation || null,
              phone: form.keyPersonPhone || null,
            }
          : null,
      };
      return createPatient(body as PatientInput);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  if (create.data) {
    return (
      <>
        <PageHeading title={t('create.title')} />
        <Alert kind="success">{t('create.created')}</Alert>
        {create.data.possibleDuplicate ? <Alert kind="warning">{t('create.duplicate')}</Alert> : null}
        <Link className="button" to={`/staff/patients/${create.data.patient.id}`}>
          {t('create.open')}
        </Link>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('create.title')} />
      <p className="page-narrow">{t('create.intro')}</p>
      <form onSubmit={onSubmit} className="page-narrow">
        <TextField
          label={t('create.name')}
          required
          value={form.name}
          onChange={set('name')}
          autoComplete="off"
        />
        <TextField
          label={t('create.kana')}
          hint={t('create.kanaHint')}
          required
          value={form.nameKana}
          onChange={set('nameKana')}
          autoComplete="off"
        />
        <TextField
          label={t('create.birthDate')}
          type="date"
          required
          value={form.birthDate}
          onChange={set('birthDate')}
        />
        <SelectField
          label={t('create.sex')}
          value={form.sex}
          onChange={set('sex')}
          options={sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
        />
        <TextField
          label={t('create.town')}
          hint={t('create.townHint')}
          required
          list="patient-towns"
          value={form.addressTown}
          onChange={set('addressTown')}
          autoComplete="off"
        />
        <datalist id="patient-towns">
          {towns.data?.items.map((town) => (
            <option key={town.name} value={town.name} />
          ))}
        </datalist>
        <TextField
          label={t('create.addressDetail')}
          value={form.addressDetail}
          onChange={set('addressDetail')}
        />
        <SelectField
          label={t('create.careLevel')}
          value={form.careLevel}
          onChange={set('careLevel')}
          options={careLevels.map((c) => ({ value: c, label: t(`careLevel.${c}`) }))}
        />
        <TextField
          label={t('create.insurer')}
          inputMode="numeric"
          value={form.insurerNumber}
          onChange={set('insurerNumber')}
        />
        <TextField
          label={t('create.keyPersonName')}
          value={form.keyPersonName}
          onChange={set('keyPersonName')}
        />
        <TextField
          label={t('create.keyPersonRelation')}
          value={form.keyPersonRelation}
          onChange={set('keyPersonRelation')}
        />
        <TextField
          label={t('create.keyPersonPhone')}
          type="tel"
          value={form.keyPersonPhone}
          onChange={set('keyPersonPhone')}
        />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('create.submit')}
        </button>
      </form>
    </>
  );
}
