import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DocumentDetail } from '../../../contracts/documents';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { DocumentBody } from './document-body';
import { useDocument } from './documents.api';
import './documents.css';
import './documents.messages';

/** One document as an A4 sheet (print it from the browser), its history, receipts and next steps. */
export function DocumentPage() {
  const { t, i18n } = useTranslation('documents');
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const asked = Number(params.get('version')) || undefined;
  const query = useDocument(id, asked);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const d = query.data;
  const latest = d.shownVersion === d.version;
  return (
    <div className="document-page">
      <div className="button-row no-print">
        <button className="button" type="button" onClick={() => window.print()}>
          {t('view.print')}
        </button>
        {latest && (d.actions.includes('save') || d.actions.includes('amend')) ? (
          <Link className="button button--secondary" to={`/staff/documents/${d.id}/edit`}>
            {d.actions.includes('amend') ? t('view.amend') : t('view.edit')}
          </Link>
        ) : null}
        {d.status === 'final' ? (
          <a className="button button--secondary" href={`/api/documents/${d.id}/fhir`}>
            {t('view.fhir')}
          </a>
        ) : null}
      </div>
      <article className="document-sheet" aria-labelledby="document-title">
        <PageHeading title={`${t(`kinds.${d.kind}`)}：${d.patientName}`} />
        <p id="document-title" className="document-title">
          {d.title}（{t(`status.${d.shownVersionStatus}`)}・{t('view.version', { version: d.shownVersion })}）
        </p>
        {!latest ? (
          <p className="notice">{t('view.oldVersion', { shown: d.shownVersion, latest: d.version })}</p>
        ) : null}
        <dl className="document-header">
          <div>
            <dt>{t('view.patient')}</dt>
            <dd>{d.patientName}</dd>
          </div>
          <div>
            <dt>{t('view.kana')}</dt>
            <dd>{d.patientKana}</dd>
          </div>
          <div>
            <dt>{t('view.birthDate')}</dt>
            <dd>{d.patientBirthDate}</dd>
          </div>
          {d.dischargeCase ? (
            <div>
              <dt>{t('view.case')}</dt>
              <dd>
                <Link to={`/staff/discharge/${d.dischargeCase.id}`}>
                  {t('view.caseLink', {
                    hospital: d.dischargeCase.hospitalName,
                    admittedOn: d.dischargeCase.admittedOn,
                  })}
                </Link>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('view.author')}</dt>
            <dd>{d.authorOrganisationName}</dd>
          </div>
          <div>
            <dt>{t('view.savedBy')}</dt>
            <dd>{d.savedByName}</dd>
          </div>
          <div>
            <dt>{t('view.savedAt')}</dt>
            <dd>
              <DateTime value={d.savedAt} language={i18n.language} />
            </dd>
          </div>
        </dl>
        <DocumentBody kind={d.kind} content={d.content} />
      </article>
      {latest && d.actions.includes('finalise') ? <FinaliseForm document={d} /> : null}
      <History document={d} />
      {d.receipts ? <Receipts document={d} /> : null}
      {latest && d.actions.includes('withdraw') ? <WithdrawForm document={d} /> : null}
    </div>
  );
}

function useStep(d: DocumentDetail, step: 'finalise' | 'withdraw') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; reason?: string }) =>
      api<DocumentDetail>(`/api/documents/${d.id}/${step}`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['documents', d.id] }),
  });
}

function FinaliseForm({ document: d }: { document: DocumentDetail }) {
  const { t } = useTranslation('documents');
  const finalise = useStep(d, 'finalise');
  return (
    <section className="no-print" aria-labelledby="finalise-title">
      <h2 id="finalise-title">{t('view.finalise')}</h2>
      <p>{t('view.finaliseHint')}</p>
      {d.kind === 'referral_letter' && d.providerChangeId ? <p>{t('form.consentHint')}</p> : null}
      <ErrorAlert error={finalise.error} />
      <button className="button" type="button" onClick={() => finalise.mutate({ version: d.version })}>
        {t('view.finalise')}
      </button>
    </section>
  );
}

function WithdrawForm({ document: d }: { document: DocumentDetail }) {
  const { t } = useTranslation('documents');
  const withdraw = useStep(d, 'withdraw');
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    withdraw.mutate({ version: d.version, reason });
  }
  return (
    <form className="form no-print" onSubmit={submit} aria-label={t('view.withdraw')}>
      <ErrorAlert error={withdraw.error} />
      <TextField
        label={t('view.withdrawReason')}
        value={reason}
        required
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <button className="button button--secondary" type="submit">
        {t('view.withdraw')}
      </button>
    </form>
  );
}

function History({ document: d }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation('documents');
  return (
    <section className="no-print" aria-labelledby="history-title">
      <h2 id="history-title">{t('view.history')}</h2>
      <ul className="plain-list">
        {d.versions.map((v) => (
          <li key={v.version}>
            <Link
              to={`/staff/documents/${d.id}?version=${v.version}`}
              aria-current={v.version === d.shownVersion ? 'page' : undefined}
            >
              {t('view.version', { version: v.version })}
            </Link>{' '}
            {t(`status.${v.status}`)}・{v.savedByName}・
            <DateTime value={v.savedAt} language={i18n.language} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Receipts({ document: d }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation('documents');
  const receipts = d.receipts ?? [];
  return (
    <section className="no-print" aria-labelledby="receipts-title">
      <h2 id="receipts-title">{t('view.receipts')}</h2>
      {receipts.length === 0 ? <p>{t('view.noReceipts')}</p> : null}
      {receipts.length > 0 ? (
        <table className="table" data-testid="receipts">
          <thead>
            <tr>
              <th scope="col">{t('view.reader')}</th>
              <th scope="col">{t('view.organisation')}</th>
              <th scope="col">{t('section.version')}</th>
              <th scope="col">{t('view.readAt')}</th>
            </tr>
          </thead>
          <tbody>
            {receipts.map((r) => (
              <tr key={`${r.version}-${r.readerName}-${r.readAt}`}>
                <td>{r.readerName}</td>
                <td>{r.organisationName ?? '—'}</td>
                <td>{t('view.version', { version: r.version })}</td>
                <td>
                  <DateTime value={r.readAt} language={i18n.language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
