import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// Types only from the zod contracts: the public chunk carries no schema library.
import type { OpenDataCatalog } from '../../../contracts/opendata';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import { DataDictionary } from './data-dictionary';
import './opendata.css';
import './opendata.messages';

function Downloads({ catalog }: { catalog: OpenDataCatalog }) {
  const { t } = useTranslation('opendata');
  const language = useLanguage();
  return (
    <section aria-labelledby="od-downloads">
      <h2 id="od-downloads">{t('public.downloadsTitle')}</h2>
      <p>
        {t('public.facilityCount', { count: catalog.facilityCount })}
        {catalog.lastUpdated ? (
          <>
            {' ／ '}
            {t('public.lastUpdated')}: <DateTime value={catalog.lastUpdated} language={language} />
          </>
        ) : null}
      </p>
      <ul className="od-downloads">
        {catalog.downloads.map((download) => (
          <li key={download.file}>
            <a href={download.url} download className="od-download">
              <span className="od-download__label">
                {language === 'en' ? download.labelEn : download.label}
              </span>
              <span className="od-download__file">{download.file}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Licence({ catalog }: { catalog: OpenDataCatalog }) {
  const { t } = useTranslation('opendata');
  return (
    <section aria-labelledby="od-licence">
      <h2 id="od-licence">{t('public.licenceTitle')}</h2>
      <p>{t('public.licenceText')}</p>
      <p>
        <a href={catalog.licence.url} rel="license noopener">
          {t('public.licenceLink')}
        </a>
      </p>
      <p>
        {t('public.attributionLabel')}: <q>{catalog.attribution}</q>
      </p>
    </section>
  );
}

/** The public open-data page: downloads, licence (CC BY 4.0), formats and the data dictionary. */
export function OpenDataPage() {
  const { t } = useTranslation('opendata');
  const catalog = useQuery({
    queryKey: ['opendata', 'catalog'],
    queryFn: () => api<OpenDataCatalog>('/api/public/opendata'),
  });
  return (
    <div className="od-page">
      <PageHeading title={t('public.title')} />
      <p className="od-lead">{t('public.lead')}</p>
      {catalog.isPending ? <Loading /> : null}
      <ErrorAlert error={catalog.error} />
      {catalog.data ? (
        <>
          <Downloads catalog={catalog.data} />
          <Licence catalog={catalog.data} />
        </>
      ) : null}
      <section aria-labelledby="od-formats">
        <h2 id="od-formats">{t('public.formatsTitle')}</h2>
        <ul>
          <li>{t('public.formatCsv')}</li>
          <li>{t('public.formatXlsx')}</li>
          <li>{t('public.formatHsds')}</li>
          <li>{t('public.formatFhir')}</li>
        </ul>
      </section>
      <section aria-labelledby="od-api">
        <h2 id="od-api">{t('public.apiTitle')}</h2>
        <p>{t('public.apiText')}</p>
        <p>
          <a href="/api/docs">{t('public.apiLink')}</a>
        </p>
      </section>
      <DataDictionary />
    </div>
  );
}
