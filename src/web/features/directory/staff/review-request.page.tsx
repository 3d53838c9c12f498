import '../directory.css';
import './staff.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ChangeRequestDetail } from '../../../../contracts/directory';
import { Alert, ErrorAlert } from '../../../components/alert';
import { DateTime } from '../../../components/date-time';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { TableScroll } from '../../../components/table-scroll';
import { FieldValue } from './field-value';
import { decideChangeRequest, useChangeRequest } from './staff.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

/** One request: the field-by-field diff (or the resident's report) and the decision. */
export function ReviewRequestPage() {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const { requestId = '' } = useParams();
  const request = useChangeRequest(requestId);
  if (request.isPending) return <Loading />;
  if (request.error) {
    return (
      <>
        <BackLink />
        <PageHeading title={t('review.title')} />
        <ErrorAlert error={request.error} />
      </>
    );
  }
  return <RequestView request={request.data} />;
}

function BackLink() {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <p className="dir-back">
      <Link to="/staff/directory/review">{t('review.back')}</Link>
    </p>
  );
}

function RequestView({ request }: { request: ChangeRequestDetail }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  // The decision refreshes the request (it is no longer pending); the outcome stays on screen.
  const [outcome, setOutcome] = useState<'approved' | 'rejected' | null>(null);
  const conflict = request.baseVersion !== null && request.baseVersion !== request.currentVersion;
  return (
    <>
      <BackLink />
      <PageHeading title={t('review.detailTitle', { name: request.facility.name })} />
      <dl className="summary-list">
        <dt>{t('review.source')}</dt>
        <dd>{t(`review.sources.${request.source}`)}</dd>
        <dt>{t('review.submittedAt')}</dt>
        <dd>
          <DateTime value={request.submittedAt} language={i18n.language} />
        </dd>
        {request.submittedBy ? (
          <>
            <dt>{t('review.submittedBy')}</dt>
            <dd>{request.submittedBy}</dd>
          </>
        ) : null}
        <dt>{t('review.status')}</dt>
        <dd>{t(`review.statuses.${request.status}`)}</dd>
      </dl>
      <p className="button-row">
        <Link to={`/facilities/${request.facility.id}`}>{t('review.publicPage')}</Link>
        <Link to={`/staff/directory/facilities/${request.facility.id}/history`}>{t('review.history')}</Link>
      </p>
      {request.status === 'pending' && conflict ? (
        <Alert kind="warning">
          <p>{t('review.conflict', { base: request.baseVersion, current: request.currentVersion })}</p>
        </Alert>
      ) : null}
      {request.source === 'resident_report' ? <ReportBox request={request} /> : null}
      {request.note ? (
        <>
          <h2>{t('review.note')}</h2>
          <p className="mail-text">{request.note}</p>
        </>
      ) : null}
      {request.diff.length > 0 ? <DiffTable request={request} /> : <ChangesTable request={request} />}
      {outcome ? (
        <Alert kind="success">
          <p>{t(outcome === 'approved' ? 'review.doneApproved' : 'review.doneRejected')}</p>
        </Alert>
      ) : null}
      {request.status === 'pending' ? (
        <DecisionForm request={request} onDecided={setOutcome} />
      ) : (
        <Decided request={request} />
      )}
    </>
  );
}

function ReportBox({ request }: { request: ChangeRequestDetail }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <>
      <h2>{t('review.reportTitle')}</h2>
      <dl className="summary-list">
        <dt>{t('review.reportCategory')}</dt>
        <dd>{request.reportCategory ? t(`review.categories.${request.reportCategory}`) : ''}</dd>
        <dt>{t('review.reportMessage')}</dt>
        <dd className="dir-prewrap">{request.reportMessage}</dd>
      </dl>
    </>
  );
}

/** Before and after side by side, one row per changed field; deleted and added text marked. */
function DiffTable({ request }: { request: ChangeRequestDetail }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <>
      <h2>{t('review.diffTitle')}</h2>
      <TableScroll label={t('review.diffTitle')}>
        <table className="table dir-diff">
          <thead>
            <tr>
              <th scope="col">{t('review.field')}</th>
              <th scope="col">{t('review.before')}</th>
              <th scope="col">{t('review.after')}</th>
            </tr>
          </thead>
          <tbody>
            {request.diff.map((row) => (
              <tr key={row.field}>
                <th scope="row">
                  {i18n.language === 'en' ? t(`field.${row.field}`, { defaultValue: row.label }) : row.label}
                </th>
                <td>
                  <del>
                    <FieldValue field={row.field} value={row.before} other={row.after} mark="removed" />
                  </del>
                </td>
                <td>
                  <ins>
                    <FieldValue field={row.field} value={row.after} other={row.before} mark="added" />
                  </ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** A decided request has no diff against today's record; show what it asked for instead. */
function ChangesTable({ request }: { request: ChangeRequestDetail }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const changes = Object.entries(request.changes ?? {});
  if (changes.length === 0) return null;
  return (
    <>
      <h2>{t('review.diffTitle')}</h2>
      <TableScroll label={t('review.diffTitle')}>
        <table className="table dir-diff">
          <thead>
            <tr>
              <th scope="col">{t('review.field')}</th>
              <th scope="col">{t('review.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map(([field, value]) => (
              <tr key={field}>
                <th scope="row">{t(`field.${field}`, { defaultValue: field })}</th>
                <td>
                  <FieldValue field={field} value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function DecisionForm({
  request,
  onDecided,
}: {
  request: ChangeRequestDetail;
  onDecided: (status: 'approved' | 'rejected') => void;
}) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const client = useQueryClient();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      decideChangeRequest(
        request.id,
        decision === 'approve'
          ? { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) }
          : { decision, reason: reason.trim() },
      ),
    onSuccess: (decided) => {
      onDecided(decided.status === 'approved' ? 'approved' : 'rejected');
      return client.invalidateQueries({ queryKey: ['directory-staff'] });
    },
  });
  const submit = (decision: 'approve' | 'reject') => (event: FormEvent) => {
    event.preventDefault();
    if (decision === 'reject' && !reason.trim()) {
      setMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setMissing(false);
    decide.mutate(decision);
  };
  return (
    <form className="form" onSubmit={submit('approve')} noValidate>
      <h2>{t('review.decision')}</h2>
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      <div className="field">
        <label className="field__label" htmlFor={reasonId}>
          {t('review.reason')}
        </label>
        <span className="field__hint" id={`${reasonId}-hint`}>
          {t('review.reasonHint')}
        </span>
        {missing ? (
          <span className="field__error" id={`${reasonId}-error`}>
            {t('review.reasonRequired')}
          </span>
        ) : null}
        <textarea
          id={reasonId}
          className="textarea"
          rows={3}
          maxLength={1000}
          value={reason}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${reasonId}-error ${reasonId}-hint` : `${reasonId}-hint`}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={decide.isPending}>
          {t('review.approve')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={decide.isPending}
          onClick={submit('reject')}
        >
          {t('review.reject')}
        </button>
      </div>
    </form>
  );
}

function Decided({ request }: { request: ChangeRequestDetail }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <Alert kind={request.status === 'approved' ? 'success' : 'warning'}>
      <p>
        {t(`review.statuses.${request.status}`)}：{request.decidedBy ?? ''}{' '}
        <DateTime value={request.decidedAt} language={i18n.language} />
      </p>
      {request.reason ? <p>{t('review.decidedReason', { reason: request.reason })}</p> : null}
    </Alert>
  );
}
