import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { breakGlass } from './patients.api';
import './patients.messages';

/** The ward admin's emergency read of one patient: an id (from a call, a centre) and a reason. */
export function BreakGlassForm() {
  const { t } = useTranslation('patients');
  const navigate = useNavigate();
  const [patientId, setPatientId] = useState('');
  const [reason, setReason] = useState('');
  const open = useMutation({
    mutationFn: () => breakGlass(patientId.trim(), reason),
    onSuccess: (grant) => navigate(`/staff/patients/${grant.patientId}`),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };
  return (
    <section aria-labelledby="break-glass-title" className="page-narrow">
      <h2 id="break-glass-title">{t('breakGlass.title')}</h2>
      <p>{t('breakGlass.intro')}</p>
      <form onSubmit={onSubmit}>
        <TextField
          label={t('breakGlass.patientId')}
          value={patientId}
          required
          onChange={(e) => setPatientId(e.target.value)}
        />
        <TextField
          label={t('breakGlass.reason')}
          value={reason}
          required
          minLength={10}
          onChange={(e) => setReason(e.target.value)}
        />
        <ErrorAlert error={open.error} />
        <button type="submit" className="button" disabled={open.isPending}>
          {t('breakGlass.submit')}
        </button>
      </form>
    </section>
  );
}
