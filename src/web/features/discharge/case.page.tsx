import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  ChangeableRole,
  type DischargeCaseDetail,
  type ProviderChangeCreateBody,
} from '../../../contracts/discharge';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { CaseDocumentsSection } from './case-documents';
import { ChecklistSection, NoticesSection, TasksSection, TimelineSection } from './case-sections';
import { caseKey, useCase } from './discharge.api';
import './discharge.css';
import './discharge.messages';
import { ProviderChangeCard } from './provider-change-card';
import { ReferralSection } from './referral-section';

/** One discharge case: summary, workflow, checklist, tasks, timeline, notices, provider changes. Printable. */
export function CasePage() {
  const { t } = useTranslation('discharge');
  const { id = '' } = useParams();
  const kase = useCase(id);
  if (kase.isPending) return <Loading />;
  if (kase.error) return <ErrorAlert error={kase.error} />;
  const detail = kase.data;
  const editable = detail.actions.length > 0;
  return (
    <div className="discharge-case">
      <PageHeading title={t('case.title', { name: detail.patientName })} />
      <div className="button-row no-print">
        <button className="button button--secondary" type="button" onClick={() => window.print()}>
          {t('case.print')}
        </button>
      </div>
      <dl className="summary-list">
        <dt>{t('case.status')}</dt>
        <dd data-testid="case-status">{t(`caseStatus.${detail.status}`)}</dd>
        <dt>{t('case.hospital')}</dt>
        <dd>{detail.hospitalName}</dd>
        <dt>{t('case.admitted')}</dt>
        <dd>{detail.admittedOn}</dd>
        <dt>{t('case.expected')}</dt>
        <dd>{detail.expectedDischargeOn ?? '—'}</dd>
      </dl>
      <CaseMoves detail={detail} />
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t('case.changes')}</h2>
        {detail.providerChanges.length === 0 ? <p>{t('case.noChanges')}</p> : null}
        {detail.providerChanges.map((c) => (
          <ProviderChangeCard key={c.id} change={c} caseId={detail.id} />
        ))}
        {editable ? <ProposeForm detail={detail} /> : null}
      </section>
      <ReferralSection
        patientId={detail.patientId}
        caseId={detail.id}
        providerChanges={detail.providerChanges}
        editable={editable}
      />
      <CaseDocumentsSection patientId={detail.patientId} caseId={detail.id} editable={editable} />
      <ChecklistSection kase={detail} editable={editable} />
      <TasksSection kase={detail} editable={editable} />
      <TimelineSection kase={detail} editable={editable} />
      <NoticesSection kase={detail} />
    </div>
  );
}

function CaseMoves({ detail }: { detail: DischargeCaseDetail }) {
  const { t } = useTranslation('discharge');
  const client = useQueryClient();
  const move = useMutation({
    mutationFn: (event: string) =>
      api(`/api/discharge-cases/${detail.id}/transitions`, { method: 'POST', body: { event } }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(detail.id) }),
  });
  if (detail.actions.length === 0) return null;
  return (
    <section aria-labelledby="moves-title" className="no-print">
      <h2 id="moves-title">{t('case.moves')}</h2>
      <ErrorAlert error={move.error} />
      <div className="button-row">
        {detail.actions.map((event) => (
          <button
            key={event}
            className="button button--secondary"
            type="button"
            onClick={() => move.mutate(event)}
          >
            {t(`events.${event}`)}
          </button>
        ))}
      </div>
    </section>
  );
}

function ProposeForm({ detail }: { detail: DischargeCaseDetail }) {
  const { t } = useTranslation('discharge');
  const client = useQueryClient();
  const propose = useMutation({
    mutationFn: (body: ProviderChangeCreateBody) => api('/api/provider-changes', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(detail.id) }),
  });
  const roleOptions = ChangeableRole.options.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    propose.mutate({
      patientId: detail.patientId,
      caseId: detail.id,
      role: String(form.get('role')) as ProviderChangeCreateBody['role'],
      toRole: String(form.get('toRole')) as ProviderChangeCreateBody['role'],
      toLabel: String(form.get('toLabel') ?? ''),
      reason: String(form.get('reason') ?? '') || undefined,
    });
  }
  return (
    <form className="form no-print" onSubmit={submit} aria-label={t('propose.title')}>
      <h3>{t('propose.title')}</h3>
      <ErrorAlert error={propose.error} />
      <SelectField name="role" label={t('propose.role')} options={roleOptions} defaultValue="family_doctor" />
      <SelectField
        name="toRole"
        label={t('propose.toRole')}
        options={roleOptions}
        defaultValue="home_visit_doctor"
      />
      <TextField name="toLabel" label={t('propose.toLabel')} required />
      <TextField name="reason" label={t('propose.reason')} />
      <button className="button" type="submit" disabled={propose.isPending}>
        {t('propose.submit')}
      </button>
    </form>
  );
}
