import '../i18n';
import '../directory.css';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { FacilityDetail } from '../../../../contracts/directory';
import { Alert, ErrorAlert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { useBodyClass } from '../../../components/use-body-class';
import { DIRECTORY_NS } from '../i18n';
import { CapacityBadge } from '../shared/capacity-badge';
import { sendDirectoryEvent, useFacility, useMapConfig } from '../shared/directory.api';
import { formatDate, telHref } from '../shared/format';
import { MapErrorBoundary } from '../shared/map-error-boundary';
import { CapabilityList } from './capability-list';
import { FacilityBasics } from './facility-basics';
import { OpeningHoursTable } from './opening-hours-table';
import { ReportForm } from './report-form';

const FacilityMap = lazy(() => import('../map/facility-map'));

/** Everything the directory knows about one facility, and the way to report an error in it. */
export function FacilityPage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const { id = '' } = useParams();
  const facility = useFacility(id);
  const viewedId = facility.data?.id;
  // One view per facility shown, not per background refetch of the same data.
  useEffect(() => {
    if (viewedId) sendDirectoryEvent({ kind: 'facility_view', facilityId: viewedId });
  }, [viewedId]);

  if (facility.isPending) return <Loading />;
  if (facility.error) {
    return (
      <div className="page-narrow">
        <BackLink />
        <PageHeading title={t('facility.notFound')} />
        <ErrorAlert error={facility.error} />
      </div>
    );
  }
  return <FacilityView facility={facility.data} />;
}

function BackLink() {
  const { t } = useTranslation(DIRECTORY_NS);
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return (
    <p className="dir-back">
      <Link to={from ? `/search?${from}` : '/'}>{t('facility.back')}</Link>
    </p>
  );
}

function FacilityView({ facility }: { facility: FacilityDetail }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  // The print stylesheet leaves out the site's chrome and prints on the named page `facility`.
  useBodyClass('dir-facility-page');
  return (
    <article className="dir-facility">
      <div className="dir-facility__main">
        <BackLink />
        <PageHeading title={facility.name} />
        {facility.kana ? <p className="dir-facility__kana">{facility.kana}</p> : null}
        <p>
          <span className={`dir-type dir-type--${facility.type}`}>{t(`type.${facility.type}`)}</span>
        </p>
        <StatusNotes facility={facility} />
        <p className="dir-facility__actions">
          {facility.phone ? (
            <a className="button dir-call" href={telHref(facility.phone)}>
              {t('facility.call', { phone: facility.phone })}
            </a>
          ) : null}
          {/* The print sheet is this page without map, buttons and form (one A4 page, print CSS). */}
          <button
            type="button"
            className="button button--secondary dir-print-button"
            onClick={() => window.print()}
          >
            {t('facility.print')}
          </button>
        </p>
        {facility.capacity ? <CapacityBadge capacity={facility.capacity} long /> : null}

        <h2>{t('facility.basics')}</h2>
        <FacilityBasics facility={facility} />

        <h2>{t('facility.hours')}</h2>
        <OpeningHoursTable hours={facility.hours} />

        {facility.departments.length > 0 ? (
          <>
            <h2>{t('facility.departments')}</h2>
            <ul className="dir-tags dir-tags--large">
              {facility.departments.map((department) => (
                <li key={department}>{department}</li>
              ))}
            </ul>
          </>
        ) : null}

        <h2>{t('facility.capabilities')}</h2>
        <p>{t('facility.capabilitiesLead')}</p>
        <CapabilityList capabilities={facility.capabilities} />

        <FacilityExtras facility={facility} />

        <p className="dir-facility__dates">
          {facility.lastConfirmedAt
            ? `${t(facility.lastConfirmedBy ? `facility.lastConfirmedBy.${facility.lastConfirmedBy}` : 'facility.lastConfirmed', { date: formatDate(facility.lastConfirmedAt, i18n.language), file: facility.lastConfirmedFile ?? '' })} `
            : null}
          {t('facility.updatedAt', { date: formatDate(facility.updatedAt, i18n.language) })}
        </p>
      </div>
      <MapSection facility={facility} />

      <section aria-labelledby="dir-report-heading" className="dir-report-section">
        <h2 id="dir-report-heading">{t('report.title')}</h2>
        <ReportForm facilityId={facility.id} />
      </section>
    </article>
  );
}

function StatusNotes({ facility }: { facility: FacilityDetail }) {
  const { t } = useTranslation(DIRECTORY_NS);
  return (
    <>
      {facility.status !== 'active' ? (
        <Alert kind="warning">
          <p>{t(facility.status === 'closed' ? 'facility.closed' : 'facility.suspended')}</p>
        </Alert>
      ) : null}
      {facility.isDemo ? <p className="dir-demo">{t('facility.demo')}</p> : null}
    </>
  );
}

/** Collaboration channels, languages and accessibility: shown only when the facility told us. */
function FacilityExtras({ facility }: { facility: FacilityDetail }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const lists: Array<{ key: string; title: string; items: string[] }> = [
    {
      key: 'tools',
      title: t('facility.tools'),
      items: facility.collaborationTools.map((tool) => t(`tool.${tool}`)),
    },
    { key: 'languages', title: t('facility.languages'), items: facility.languages },
    { key: 'accessibility', title: t('facility.accessibility'), items: facility.accessibility },
  ];
  return (
    <>
      {lists.map((list) => (
        <section key={list.key} className="dir-extra" aria-labelledby={`dir-${list.key}`}>
          <h2 id={`dir-${list.key}`}>{list.title}</h2>
          {list.items.length > 0 ? (
            <ul>
              {list.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : (
            <p>{t('facility.unknown')}</p>
          )}
        </section>
      ))}
    </>
  );
}

function MapSection({ facility }: { facility: FacilityDetail }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const config = useMapConfig();
  if (!facility.location) return null;
  const placeholder = <p className="dir-map-placeholder">{t('map.loading')}</p>;
  return (
    <section className="dir-facility__side" aria-labelledby="dir-map-heading">
      <h2 id="dir-map-heading">{t('facility.map')}</h2>
      <p>{facility.address}</p>
      {config.data ? (
        <MapErrorBoundary fallback={<p className="dir-map-placeholder">{t('map.failed')}</p>}>
          <Suspense fallback={placeholder}>
            <FacilityMap
              location={facility.location}
              name={facility.name}
              type={facility.type}
              config={config.data}
            />
          </Suspense>
        </MapErrorBoundary>
      ) : (
        placeholder
      )}
    </section>
  );
}
