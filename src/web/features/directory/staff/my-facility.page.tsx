import '../directory.css';
import './staff.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CapacitySignal } from '../../../../contracts/directory';
import { Alert, ErrorAlert } from '../../../components/alert';
import { SelectField } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { DIRECTORY_NS } from '../i18n';
import { formatDate, formatDateTime } from '../shared/format';
import { FacilityEditForm } from './facility-edit-form';
import { OwnRequests } from './own-requests';
import { confirmUnchanged, type MyFacility, setCapacity, staffKeys, useMyFacilities } from './staff.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

const SIGNALS: readonly CapacitySignal[] = ['accepting', 'waitlist', 'full'];

/** facility_editor: one-tap capacity, "no changes" confirmation, and a change request form. */
export function MyFacilityPage() {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const mine = useMyFacilities();
  const [params, setParams] = useSearchParams();
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  const items = mine.data.items;
  const facility = items.find((f) => f.id === params.get('id')) ?? items[0];
  return (
    <>
      <PageHeading title={t('my.title')} />
      {items.length === 0 || !facility ? <p>{t('my.none')}</p> : null}
      {items.length > 1 && facility ? (
        <SelectField
          label={t('my.choose')}
          value={facility.id}
          options={items.map((f) => ({ value: f.id, label: f.name }))}
          onChange={(event) => setParams({ id: event.target.value })}
        />
      ) : null}
      {facility ? <FacilityPanels key={facility.id} facility={facility} /> : null}
    </>
  );
}

function FacilityPanels({ facility }: { facility: MyFacility }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <>
      <h2>{facility.name}</h2>
      <p className="button-row">
        <Link to={`/facilities/${facility.id}`}>{t('my.public')}</Link>
        <Link to={`/staff/directory/facilities/${facility.id}/history`}>{t('my.history')}</Link>
      </p>
      {facility.pendingRequests > 0 ? (
        <Alert kind="info">
          <p>{t('my.pending', { count: facility.pendingRequests })}</p>
        </Alert>
      ) : null}
      {facility.lastConfirmedAt ? (
        <p>{t('my.lastConfirmed', { date: formatDate(facility.lastConfirmedAt, i18n.language) })}</p>
      ) : null}
      <OwnRequests facilityId={facility.id} />
      <CapacityPanel facility={facility} />
      <ConfirmPanel facility={facility} />
      <section className="dir-section" aria-labelledby="dir-edit-heading">
        <h2 id="dir-edit-heading">{t('my.editTitle')}</h2>
        <FacilityEditForm facility={facility} />
      </section>
    </>
  );
}

/** Three big buttons: the signal is public at once, so a busy nurse can set it between visits. */
function CapacityPanel({ facility }: { facility: MyFacility }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (signal: CapacitySignal) => setCapacity(facility.id, signal),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.mine }),
  });
  const current = save.data ?? facility.capacity;
  const label = (signal: CapacitySignal) => t(`capacity.${signal}`, { ns: DIRECTORY_NS });
  return (
    <section className="dir-section" aria-labelledby="dir-capacity-heading">
      <h2 id="dir-capacity-heading">{t('my.capacityTitle')}</h2>
      <p>{t('my.capacityLead')}</p>
      <p>
        {current
          ? t('my.capacityNow', {
              signal: label(current.signal),
              time: formatDateTime(current.setAt, i18n.language),
            })
          : t('my.capacityNone')}
      </p>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <div className="dir-capacity-buttons">
        {SIGNALS.map((signal) => (
          <button
            key={signal}
            type="button"
            className={`button ${current?.signal === signal ? '' : 'button--secondary'}`}
            aria-pressed={current?.signal === signal}
            disabled={save.isPending}
            onClick={() => save.mutate(signal)}
          >
            {label(signal)}
          </button>
        ))}
      </div>
      <p role="status">{save.data ? t('my.capacitySaved', { signal: label(save.data.signal) }) : ''}</p>
    </section>
  );
}

function ConfirmPanel({ facility }: { facility: MyFacility }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => confirmUnchanged(facility.id),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.mine }),
  });
  return (
    <section className="dir-section" aria-labelledby="dir-confirm-heading">
      <h2 id="dir-confirm-heading">{t('my.confirmTitle')}</h2>
      <p>{t('my.confirmLead')}</p>
      {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
      {confirm.data ? (
        <Alert kind="success">
          <p>{t('my.confirmDone', { count: confirm.data.capabilities })}</p>
        </Alert>
      ) : (
        <button
          type="button"
          className="button"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate()}
        >
          {t('my.confirmButton')}
        </button>
      )}
    </section>
  );
}
