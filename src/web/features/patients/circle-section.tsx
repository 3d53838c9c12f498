import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CareRole, type CircleMember, careRoles } from '../../../contracts/patients';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { addCircleMember, patientKey, useCircleHistory } from './patients.api';
import './patients.messages';

const memberName = (m: CircleMember) => m.facilityName ?? m.organisationName ?? m.personName ?? '—';

/** The current circle, its history on demand, and adding a member (replace or share the role). */
export function CircleSection({
  patientId,
  circle,
  readOnly,
}: {
  patientId: string;
  circle: CircleMember[];
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('patients');
  const [showHistory, setShowHistory] = useState(false);
  const history = useCircleHistory(patientId, showHistory);
  return (
    <section aria-labelledby="circle">
      <h2 id="circle">{t('patient.circle')}</h2>
      {circle.length === 0 ? <p>{t('patient.noCircle')}</p> : null}
      {circle.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('patient.role')}</th>
              <th scope="col">{t('patient.member')}</th>
              <th scope="col">{t('patient.since')}</th>
            </tr>
          </thead>
          <tbody>
            {circle.map((m) => (
              <tr key={m.id}>
                <td>{t(`role.${m.role}`)}</td>
                <td>{memberName(m)}</td>
                <td>
                  <DateTime value={m.validFrom} language={i18n.language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={showHistory}
        onClick={() => setShowHistory((v) => !v)}
      >
        {t('patient.showHistory')}
      </button>
      {showHistory && history.data ? (
        <>
          <h3>{t('patient.history')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('patient.role')}</th>
                <th scope="col">{t('patient.member')}</th>
                <th scope="col">{t('patient.since')}</th>
                <th scope="col">{t('patient.until')}</th>
                <th scope="col">{t('patient.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((m) => (
                <tr key={m.id}>
                  <td>{t(`role.${m.role}`)}</td>
                  <td>{memberName(m)}</td>
                  <td>
                    <DateTime value={m.validFrom} language={i18n.language} />
                  </td>
                  <td>
                    {m.validTo ? (
                      <DateTime value={m.validTo} language={i18n.language} />
                    ) : (
                      t('patient.current')
                    )}
                  </td>
                  <td>{m.endReason ?? m.startReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <ErrorAlert error={history.error} />
      {readOnly ? null : <AddMemberForm patientId={patientId} />}
    </section>
  );
}

function AddMemberForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation('patients');
  const queryClient = useQueryClient();
  const [role, setRole] = useState<CareRole>('family_doctor');
  const [facilityId, setFacilityId] = useState('');
  const [personName, setPersonName] = useState('');
  const [mode, setMode] = useState<'replace' | 'add'>('replace');
  const add = useMutation({
    mutationFn: () =>
      addCircleMember(patientId, {
        role,
        mode,
        facilityId: facilityId.trim() || null,
        personName: personName.trim() || null,
      }),
    onSuccess: async () => {
      setFacilityId('');
      setPersonName('');
      await queryClient.invalidateQueries({ queryKey: patientKey(patientId) });
      await queryClient.invalidateQueries({ queryKey: ['patients', 'circle', patientId] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="add-member" className="page-narrow">
      <h3 id="add-member">{t('patient.addMember')}</h3>
      <SelectField
        label={t('patient.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as CareRole)}
        options={careRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <TextField
        label={t('patient.facilityId')}
        value={facilityId}
        onChange={(e) => setFacilityId(e.target.value)}
      />
      <TextField
        label={t('patient.personName')}
        hint={t('patient.personHint')}
        value={personName}
        onChange={(e) => setPersonName(e.target.value)}
      />
      <SelectField
        label={t('patient.mode')}
        value={mode}
        onChange={(e) => setMode(e.target.value as 'replace' | 'add')}
        options={[
          { value: 'replace', label: t('patient.modeReplace') },
          { value: 'add', label: t('patient.modeAdd') },
        ]}
      />
      <ErrorAlert error={add.error} />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('patient.save')}
      </button>
    </form>
  );
}
