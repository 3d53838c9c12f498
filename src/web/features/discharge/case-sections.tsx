import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContactKind, type DischargeCaseDetail } from '../../../contracts/discharge';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';
import { caseKey } from './discharge.api';

type Props = { kase: DischargeCaseDetail; editable: boolean };

function useCaseMutation<T>(caseId: string, run: (body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

/** The 包括's checks, ticked as the case goes. */
export function ChecklistSection({ kase, editable }: Props) {
  const { t } = useTranslation('discharge');
  const tick = useCaseMutation(kase.id, (b: { itemId: string; done: boolean }) =>
    api(`/api/discharge-cases/${kase.id}/checklist/${b.itemId}`, { method: 'PUT', body: { done: b.done } }),
  );
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('case.checklist')}</h2>
      <ErrorAlert error={tick.error} />
      <ul className="plain-list">
        {kase.checklist.map((item) => (
          <li key={item.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={item.done}
                disabled={!editable || tick.isPending}
                onChange={(e) => tick.mutate({ itemId: item.id, done: e.target.checked })}
              />
              {item.label}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Tasks with owner and due date. */
export function TasksSection({ kase, editable }: Props) {
  const { t } = useTranslation('discharge');
  const add = useCaseMutation(kase.id, (body: { title: string; ownerName: string; dueOn?: string }) =>
    api(`/api/discharge-cases/${kase.id}/tasks`, { method: 'POST', body }),
  );
  const done = useCaseMutation(kase.id, (b: { taskId: string; done: boolean }) =>
    api(`/api/discharge-cases/${kase.id}/tasks/${b.taskId}`, { method: 'PATCH', body: { done: b.done } }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const dueOn = String(form.get('dueOn') ?? '') || undefined;
    add.mutate(
      { title: String(form.get('title') ?? ''), ownerName: String(form.get('ownerName') ?? ''), dueOn },
      { onSuccess: () => element.reset() },
    );
  }
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('case.tasks')}</h2>
      <ErrorAlert error={add.error ?? done.error} />
      <ul className="plain-list">
        {kase.tasks.map((task) => (
          <li key={task.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={task.done}
                disabled={!editable}
                onChange={(e) => done.mutate({ taskId: task.id, done: e.target.checked })}
              />
              {task.title}（{task.ownerName}
              {task.dueOn ? `・${task.dueOn}` : ''}）
            </label>
          </li>
        ))}
      </ul>
      {editable ? (
        <form className="form no-print" onSubmit={submit} aria-label={t('case.taskAdd')}>
          <TextField name="title" label={t('case.taskTitle')} required />
          <TextField name="ownerName" label={t('case.taskOwner')} required />
          <TextField name="dueOn" type="date" label={t('case.taskDue')} />
          <button className="button button--secondary" type="submit">
            {t('case.taskAdd')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** The timeline of contacts. */
export function TimelineSection({ kase, editable }: Props) {
  const { t } = useTranslation('discharge');
  const language = useLanguage();
  const add = useCaseMutation(kase.id, (body: unknown) =>
    api(`/api/discharge-cases/${kase.id}/contacts`, { method: 'POST', body }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    add.mutate(
      {
        kind: form.get('kind'),
        withWhom: form.get('withWhom'),
        at: new Date(String(form.get('at'))).toISOString(),
        outcome: form.get('outcome'),
      },
      { onSuccess: () => element.reset() },
    );
  }
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('case.timeline')}</h2>
      <ErrorAlert error={add.error} />
      {kase.contacts.length > 0 ? (
        <TableScroll label={t('case.timeline')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('case.contactAt')}</th>
                <th scope="col">{t('case.contactKind')}</th>
                <th scope="col">{t('case.contactWith')}</th>
                <th scope="col">{t('case.contactOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {kase.contacts.map((c) => (
                <tr key={c.id}>
                  <td>
                    <DateTime value={c.at} language={language} />
                  </td>
                  <td>{t(`contactKind.${c.kind}`)}</td>
                  <td>{c.withWhom}</td>
                  <td>{c.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {editable ? (
        <form className="form no-print" onSubmit={submit} aria-label={t('case.contactAdd')}>
          <SelectField
            name="kind"
            label={t('case.contactKind')}
            options={ContactKind.options.map((k) => ({ value: k, label: t(`contactKind.${k}`) }))}
          />
          <TextField name="withWhom" label={t('case.contactWith')} required />
          <TextField name="at" type="datetime-local" label={t('case.contactAt')} required />
          <TextField name="outcome" label={t('case.contactOutcome')} required />
          <button className="button button--secondary" type="submit">
            {t('case.contactAdd')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Who was told, how, and whether they answered. */
export function NoticesSection({ kase }: Pick<Props, 'kase'>) {
  const { t } = useTranslation('discharge');
  if (kase.notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('case.notices')}</h2>
      <TableScroll label={t('case.notices')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('case.noticeTo')}</th>
              <th scope="col">{t('case.noticeKind')}</th>
              <th scope="col">{t('case.noticeChannel')}</th>
              <th scope="col">{t('case.noticeStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {kase.notices.map((n) => (
              <tr key={n.id}>
                <td>{n.recipientLabel}</td>
                <td>{t(`noticeKind.${n.kind}`)}</td>
                <td>
                  {t(`channel.${n.channel}`)}
                  {n.channel === 'fax' ? (
                    <>
                      {' '}
                      <Link className="no-print" to={`/staff/discharge/notices/${n.id}/fax`}>
                        {t('case.faxSheet')}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td>{t(`noticeStatus.${n.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
