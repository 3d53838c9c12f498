import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OverrideReason, type ProviderChangeDto } from '../../../contracts/discharge';
import { Alert, ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { useLanguage } from '../../i18n/i18n';
import { ConsentForm } from './consent-form';
import { caseKey, changeStep } from './discharge.api';

const STEP_PATHS: Record<string, string> = {
  request_consent: 'request-consent',
  notify_incumbent: 'notify',
  keep_current: 'keep',
  share_care: 'share',
  withdraw: 'withdraw',
};
const OPEN = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
  'acknowledged',
  'objected',
  'escalated',
];

/** One provider change: the gate said plainly (what is missing, what to do) and the next steps. */
export function ProviderChangeCard({ change, caseId }: { change: ProviderChangeDto; caseId: string }) {
  const { t } = useTranslation('discharge');
  const language = useLanguage();
  const client = useQueryClient();
  const step = useMutation({
    mutationFn: (b: { path: string; body?: unknown }) => changeStep(change.id, b.path, b.body),
    onSettled: () => client.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
  const open = OPEN.includes(change.status);
  const coordinator = change.actions.some((a) => a !== 'acknowledge' && a !== 'object');
  const due = formatDateTime(change.gate.escalationDueAt, language);

  function override(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    step.mutate({
      path: 'override',
      body: {
        reasonCode: String(form.get('reasonCode') ?? '') || undefined,
        reasonNote: String(form.get('reasonNote') ?? '') || undefined,
        secondUserEmail: String(form.get('secondUserEmail') ?? '') || undefined,
      },
    });
  }

  return (
    <article className="card" aria-labelledby={`change-${change.id}`}>
      <h3 id={`change-${change.id}`}>
        {t(`roles.${change.role}`)} → {t(`roles.${change.toRole}`)}：{change.toLabel}{' '}
        <span className="badge" data-testid="change-status">
          {t(`changeStatus.${change.status}`)}
        </span>
      </h3>
      <dl className="summary-list">
        <dt>{t('gate.from')}</dt>
        <dd>{change.fromLabel ?? '—'}</dd>
        <dt>{t('gate.to')}</dt>
        <dd>{change.toLabel}</dd>
      </dl>
      {change.consent ? (
        <p>
          {t('consent.recorded', {
            who: change.consent.representativeName ?? t('consent.patient'),
            at: formatDateTime(change.consent.givenAt, language),
            method: t(`consent.methods.${change.consent.method}`),
          })}
        </p>
      ) : null}
      {open ? (
        <section aria-label={t('gate.title')}>
          {change.gate.missing.length === 0 ? (
            <Alert kind="success" title={t('gate.title')}>
              <p>{t('gate.open')}</p>
            </Alert>
          ) : (
            <Alert kind="warning" title={t('gate.title')}>
              <ul>
                {change.gate.missing.map((m) => (
                  <li key={m}>{t(`gate.${m}`, { from: change.fromLabel ?? '—', due })}</li>
                ))}
              </ul>
            </Alert>
          )}
        </section>
      ) : null}
      <ErrorAlert error={step.error} />
      {open && coordinator ? (
        <div className="button-row no-print">
          <button
            className="button"
            type="button"
            disabled={step.isPending}
            onClick={() => step.mutate({ path: 'confirm' })}
          >
            {t('actions.confirm')}
          </button>
          {change.actions
            .filter((a) => STEP_PATHS[a])
            .map((a) => (
              <button
                key={a}
                className="button button--secondary"
                type="button"
                disabled={step.isPending}
                onClick={() => step.mutate({ path: STEP_PATHS[a] as string })}
              >
                {t(`actions.${a}`)}
              </button>
            ))}
        </div>
      ) : null}
      {change.actions.includes('record_consent') ? (
        <ConsentForm pending={step.isPending} onSubmit={(body) => step.mutate({ path: 'consent', body })} />
      ) : null}
      {open && change.actions.includes('override') ? (
        <details className="no-print">
          <summary>{t('override.title')}</summary>
          <form className="form" onSubmit={override}>
            <SelectField
              name="reasonCode"
              label={t('override.reasonCode')}
              emptyLabel="—"
              options={OverrideReason.options.map((r) => ({ value: r, label: t(`override.reasons.${r}`) }))}
            />
            <TextField name="reasonNote" label={t('override.reasonNote')} />
            <TextField name="secondUserEmail" type="email" label={t('override.secondUser')} />
            <button className="button button--secondary" type="submit" disabled={step.isPending}>
              {t('override.submit')}
            </button>
          </form>
        </details>
      ) : null}
    </article>
  );
}
