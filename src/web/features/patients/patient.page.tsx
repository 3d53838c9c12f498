import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PatientDetail } from '../../../contracts/patients';
import { findPatientSectionView } from '../../app/patient-sections';
import { hasRole, useSession } from '../../app/session';
import { Alert, ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { CircleSection } from './circle-section';
import { usePatient, usePatientAccessLog } from './patients.api';
import './patients.messages';

const OWN_KEYS = new Set(['patient', 'circle', 'accessBasis']);

/** One patient: basic data, the circle of care with its history, other features' sections. */
export function PatientPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('patients');
  const session = useSession();
  const detail = usePatient(id);
  const isAdmin = hasRole(session.data, 'ward_admin');
  const accessLog = usePatientAccessLog(id, isAdmin && detail.isSuccess);
  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const { patient, accessBasis } = detail.data;
  const sections = Object.entries(detail.data as PatientDetail & Record<string, unknown>).filter(
    ([key]) => !OWN_KEYS.has(key),
  );
  return (
    <>
      <PageHeading title={`${patient.name}${patient.fictional ? ` ${t('fictional')}` : ''}`} />
      {accessBasis === 'break_glass' ? <Alert kind="warning">{t('patient.breakGlass')}</Alert> : null}
      <section aria-labelledby="basics">
        <h2 id="basics">{t('patient.basics')}</h2>
        <dl className="definition-list">
          <dt>{t('list.kana')}</dt>
          <dd>{patient.nameKana}</dd>
          <dt>{t('list.birthDate')}</dt>
          <dd>
            {patient.birthDate}（{t(`sex.${patient.sex}`)}）
          </dd>
          <dt>{t('patient.address')}</dt>
          <dd>
            {patient.addressTown} {patient.addressDetail ?? ''}
          </dd>
          <dt>{t('list.careLevel')}</dt>
          <dd>{t(`careLevel.${patient.careLevel}`)}</dd>
          <dt>{t('patient.keyPerson')}</dt>
          <dd>
            {patient.keyPerson
              ? `${patient.keyPerson.name}${patient.keyPerson.relation ? `（${patient.keyPerson.relation}）` : ''} ${patient.keyPerson.phone ?? ''}`
              : '—'}
          </dd>
          {patient.insurerNumber ? (
            <>
              <dt>{t('patient.insurer')}</dt>
              <dd>{patient.insurerNumber}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <CircleSection
        patientId={patient.id}
        circle={detail.data.circle}
        readOnly={accessBasis === 'break_glass'}
      />
      {sections.map(([name, data]) => (
        <PatientSectionSlot key={name} name={name} patientId={patient.id} data={data} />
      ))}
      {isAdmin && accessLog.data ? (
        <section aria-labelledby="access-log">
          <h2 id="access-log">{t('patient.accessLog')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('patient.accessWhen')}</th>
                <th scope="col">{t('patient.accessWho')}</th>
                <th scope="col">{t('patient.accessWhat')}</th>
                <th scope="col">{t('patient.accessAction')}</th>
              </tr>
            </thead>
            <tbody>
              {accessLog.data.items.map((row) => (
                <tr key={row.id}>
                  <td>
                    <DateTime value={row.occurredAt} language={i18n.language} />
                  </td>
                  <td>{row.actorLabel}</td>
                  <td>{row.recordType}</td>
                  <td>
                    {row.action}
                    {row.basis === 'break_glass' ? ' (break-glass)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

/** A section another feature owns: its registered component, or a plain count until it has one. */
function PatientSectionSlot({ name, patientId, data }: { name: string; patientId: string; data: unknown }) {
  const { t } = useTranslation('patients');
  const View = findPatientSectionView(name);
  if (View) {
    return (
      <Suspense fallback={<Loading />}>
        <View patientId={patientId} data={data} />
      </Suspense>
    );
  }
  const count = Array.isArray(data) ? data.length : 0;
  return <p>{t('patient.sectionFallback', { name, count })}</p>;
}
