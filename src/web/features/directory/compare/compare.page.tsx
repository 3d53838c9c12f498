import '../i18n';
import '../directory.css';
import './compare.css';
import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FacilityDetail } from '../../../../contracts/directory';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { DIRECTORY_NS } from '../i18n';
import { facilityQuery, useCapabilities } from '../shared/directory.api';
import { idsFromParam } from './compare-selection';
import { CompareTable } from './compare-table';

/**
 * Up to five facilities side by side: basic data, then each capability with when and by whom it
 * was confirmed. Its URL holds the ids, so it can be shared and printed (A4 landscape).
 */
export function ComparePage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const [params] = useSearchParams();
  const ids = idsFromParam(params.get('ids'));
  const capabilities = useCapabilities();
  const facilities = useQueries({ queries: ids.map((id) => facilityQuery(id)) });
  useEffect(() => {
    document.body.classList.add('dir-comparing');
    return () => document.body.classList.remove('dir-comparing');
  }, []);
  const pending = facilities.some((q) => q.isPending) || capabilities.isPending;
  const found = facilities.flatMap((q) => (q.data ? [q.data as FacilityDetail] : []));
  const missing = facilities.some((q) => q.isError);

  return (
    <div className="dir-compare">
      <div className="dir-compare__toolbar">
        <Link to="/search">{t('compare.back')}</Link>
        {found.length > 0 ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('compare.print')}
          </button>
        ) : null}
      </div>
      <PageHeading title={t('compare.title')} />
      <p className="dir-compare__lead">{t('compare.lead')}</p>
      {ids.length === 0 ? <p>{t('compare.empty')}</p> : null}
      {missing ? (
        <Alert kind="warning">
          <p>{t('compare.notFound')}</p>
        </Alert>
      ) : null}
      {pending && ids.length > 0 ? <Loading /> : null}
      {!pending && found.length > 0 ? (
        <CompareTable facilities={found} taxonomy={capabilities.data?.items ?? []} />
      ) : null}
    </div>
  );
}
