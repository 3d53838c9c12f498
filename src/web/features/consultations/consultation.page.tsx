import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ConsultationDetail,
  type ConsultationFlagsBody,
  gapFlags,
  routingTargets,
} from '../../../contracts/consultations';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { consultationKey, consultationsKey, useConsultation, useDistricts } from './consultations.api';
import { CheckboxGroup, ContactFields, readContact } from './contact-fields';
import './consultations.css';
import './consultations.messages';

/** 相談の詳細: the person, the contacts' timeline, a new contact, the status and the はざま flags. */
export function ConsultationPage() {
  const { t, i18n } = useTranslation('consultations');
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  const districts = useDistricts();
  if (consultation.isPending) return <Loading />;
  if (consultation.error) return <ErrorAlert error={consultation.error} />;
  const c = consultation.data;
  return (
    <>
      <PageHeading title={`${t('detail.title')}：${c.subjectName ?? t('list.anonymous')}`} />
      <p>
        <Link to="/staff/consultations">{t('detail.back')}</Link>
      </p>
      <dl className="summary-list">
        <dt>{t('detail.status')}</dt>
        <dd data-testid="consultation-status">{t(`status.${c.status}`)}</dd>
        <dt>{t('form.kana')}</dt>
        <dd>{c.subjectKana ?? '—'}</dd>
        <dt>{t('form.ageBand')}</dt>
        <dd>{t(`ageBand.${c.ageBand}`)}</dd>
        <dt>{t('form.district')}</dt>
        <dd>{districtName(districts.data?.items ?? [], c.districtCode, i18n.language)}</dd>
        <dt>{t('form.livesInWard')}</dt>
        <dd>{t(`tri.${c.livesInWard}`)}</dd>
        <dt>{t('detail.window')}</dt>
        <dd>{c.windowName}</dd>
        <dt>{t('detail.openedBy')}</dt>
        <dd>{c.openedBy}</dd>
        <dt>{t('detail.firstContact')}</dt>
        <dd>
          <DateTime value={c.firstContactAt} language={i18n.language} />
        </dd>
      </dl>
      <Moves detail={c} />
      <ContactsSection detail={c} />
      <FlagsSection detail={c} />
    </>
  );
}

function districtName(
  districts: ReadonlyArray<{ code: string; name: string; nameEn: string | null }>,
  code: string | null,
  language: string,
): string {
  if (!code) return '—';
  const district = districts.find((d) => d.code === code);
  if (!district) return code;
  return language === 'en' && district.nameEn ? district.nameEn : district.name;
}

function useRefresh(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: consultationKey(id) });
    void client.invalidateQueries({ queryKey: consultationsKey });
  };
}

function Moves({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation('consultations');
  const refresh = useRefresh(detail.id);
  const move = useMutation({
    mutationFn: (event: string) =>
      api(`/api/consultations/${detail.id}/transitions`, { method: 'POST', body: { event } }),
    onSuccess: refresh,
  });
  if (detail.events.length === 0) return null;
  return (
    <section aria-labelledby="moves-title">
      <h2 id="moves-title">{t('detail.moves')}</h2>
      <ErrorAlert error={move.error} />
      <div className="button-row">
        {detail.events.map((event) => (
          <button
            key={event}
            className="button button--secondary"
            type="button"
            disabled={move.isPending}
            onClick={() => move.mutate(event)}
          >
            {t(`event.${event}`)}
          </button>
        ))}
      </div>
    </section>
  );
}

function ContactsSection({ detail }: { detail: ConsultationDetail }) {
  const { t, i18n } = useTranslation('consultations');
  const refresh = useRefresh(detail.id);
  const add = useMutation({
    mutationFn: (body: unknown) => api(`/api/consultations/${detail.id}/contacts`, { method: 'POST', body }),
    onSuccess: refresh,
  });
  // A new form after each saved contact (its fields start empty again).
  const [formKey, setFormKey] = useState(0);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate(readContact(new FormData(event.currentTarget)), { onSuccess: () => setFormKey((k) => k + 1) });
  }
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('detail.contacts')}</h2>
      <ol className="consultation-timeline">
        {detail.contacts.map((k) => (
          <li key={k.id} className="card">
            <p>
              <strong>
                <DateTime value={k.occurredAt} language={i18n.language} />
              </strong>{' '}
              {t(`channel.${k.channel}`)}・{t(`consulter.${k.consulter}`)}
            </p>
            {k.institution ? (
              <p>
                {t('detail.institution', {
                  name: k.institution.name,
                  inWard: t(`inWard.${k.institution.inWard}`),
                })}
              </p>
            ) : null}
            <p>
              {k.topics.map((x) => t(`topic.${x}`)).join('、')} ／{' '}
              {k.responses.map((x) => t(`response.${x}`)).join('、')}
            </p>
            <p className="consultation-summary">{k.summary}</p>
            <p className="field__hint">
              {t('detail.recordedBy', { name: k.recordedBy })}
              {k.followUpOn ? `　${t('detail.followUp', { date: k.followUpOn })}` : ''}
            </p>
          </li>
        ))}
      </ol>
      {detail.status !== 'closed' ? (
        <form
          key={formKey}
          className="form page-narrow"
          onSubmit={submit}
          aria-labelledby="add-contact-title"
        >
          <h3 id="add-contact-title">{t('detail.addContact')}</h3>
          <ErrorAlert error={add.error} />
          <ContactFields />
          <button className="button" type="submit" disabled={add.isPending}>
            {t('detail.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function FlagsSection({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation('consultations');
  const refresh = useRefresh(detail.id);
  const save = useMutation({
    mutationFn: (body: ConsultationFlagsBody) =>
      api(`/api/consultations/${detail.id}/flags`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = String(form.get('routedTo') ?? '');
    const note = String(form.get('routedNote') ?? '').trim();
    save.mutate({
      flags: form.getAll('flags').map(String) as ConsultationFlagsBody['flags'],
      routedTo: target
        ? {
            target: target as NonNullable<ConsultationFlagsBody['routedTo']>['target'],
            note: note || undefined,
          }
        : null,
    });
  }
  return (
    <section aria-labelledby="flags-title">
      <h2 id="flags-title">{t('detail.flagsTitle')}</h2>
      <form className="form page-narrow" onSubmit={submit} aria-labelledby="flags-title">
        <ErrorAlert error={save.error} />
        {save.isSuccess ? <Alert kind="success">{t('detail.saved')}</Alert> : null}
        <CheckboxGroup
          name="flags"
          legend={t('form.flags')}
          values={gapFlags}
          labelOf={(v) => t(`flag.${v}`)}
          defaultChecked={detail.flags}
        />
        <SelectField
          name="routedTo"
          label={t('detail.routedTo')}
          defaultValue={detail.routedTo?.target ?? ''}
          emptyLabel={t('detail.none')}
          options={routingTargets.map((r) => ({ value: r, label: t(`routing.${r}`) }))}
        />
        <TextField
          name="routedNote"
          label={t('detail.routedNote')}
          defaultValue={detail.routedTo?.note ?? ''}
          maxLength={200}
        />
        <button className="button button--secondary" type="submit" disabled={save.isPending}>
          {t('detail.saveFlags')}
        </button>
      </form>
    </section>
  );
}
