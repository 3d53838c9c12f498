import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDetail } from '../../../../contracts/directory';
import { Alert, ErrorAlert } from '../../../components/alert';
import { DateTime } from '../../../components/date-time';
import { TableScroll } from '../../../components/table-scroll';
import { formatDateTime } from '../shared/format';
import { FieldValue } from './field-value';
import { useOwnChangeRequests, withdrawChangeRequest } from './staff.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

/**
 * The editor's own requests on its facility page: each pending one (what it changes, and a way
 * to take it back) and, when the ward's latest decision was a rejection, its reason, which the
 * review page promises "施設に伝わります".
 */
export function OwnRequests({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const requests = useOwnChangeRequests(facilityId);
  // The withdrawn request leaves the list, so the confirmation is kept here, not in the request.
  const [withdrawn, setWithdrawn] = useState(false);
  if (requests.error) return <ErrorAlert error={requests.error} />;
  const items = requests.data?.items ?? [];
  const pending = items.filter((r) => r.status === 'pending');
  const latestDecision = items.find((r) => r.status === 'approved' || r.status === 'rejected');
  if (pending.length === 0 && latestDecision?.status !== 'rejected' && !withdrawn) return null;
  return (
    <section className="dir-section" aria-labelledby="dir-own-requests-heading">
      <h2 id="dir-own-requests-heading">{t('own.title')}</h2>
      {latestDecision?.status === 'rejected' ? <Rejection request={latestDecision} /> : null}
      {pending.map((request, index) => (
        <PendingRequest
          key={request.id}
          request={request}
          number={pending.length - index}
          onWithdrawn={() => setWithdrawn(true)}
        />
      ))}
      <p role="status">{withdrawn ? t('own.withdrawn') : ''}</p>
    </section>
  );
}

function Rejection({ request }: { request: ChangeRequestDetail }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <Alert kind="warning" title={t('own.rejectedTitle')}>
      <p>
        <DateTime value={request.submittedAt} language={i18n.language} /> {t('own.rejectedLead')}
      </p>
      <p className="dir-prewrap">{t('review.decidedReason', { reason: request.reason ?? '' })}</p>
      <p>{t('own.rejectedNext')}</p>
    </Alert>
  );
}

function PendingRequest({
  request,
  number,
  onWithdrawn,
}: {
  request: ChangeRequestDetail;
  /** Oldest first (1, 2 …), so two requests of one minute still have different names. */
  number: number;
  onWithdrawn: () => void;
}) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => withdrawChangeRequest(request.id),
    onSuccess: () => {
      onWithdrawn();
      return client.invalidateQueries({ queryKey: ['directory-staff'] });
    },
  });
  const heading = t('own.pendingHeading', {
    number,
    date: formatDateTime(request.submittedAt, i18n.language),
  });
  return (
    <div className="dir-own-request">
      <h3>{heading}</h3>
      {request.diff.length > 0 ? (
        <TableScroll label={heading}>
          <table className="table dir-diff">
            <thead>
              <tr>
                <th scope="col">{t('review.field')}</th>
                <th scope="col">{t('own.now')}</th>
                <th scope="col">{t('own.requested')}</th>
              </tr>
            </thead>
            <tbody>
              {request.diff.map((row) => (
                <tr key={row.field}>
                  <th scope="row">
                    {i18n.language === 'en'
                      ? t(`field.${row.field}`, { defaultValue: row.label })
                      : row.label}
                  </th>
                  <td>
                    <FieldValue field={row.field} value={row.before} other={row.after} mark="removed" />
                  </td>
                  <td>
                    <FieldValue field={row.field} value={row.after} other={row.before} mark="added" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t('own.noDiff')}</p>
      )}
      {request.note ? <p className="dir-prewrap">{t('own.note', { note: request.note })}</p> : null}
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      <p>{t('own.withdrawLead')}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={withdraw.isPending}
        onClick={() => withdraw.mutate()}
      >
        {t('own.withdraw')}
      </button>
    </div>
  );
}
