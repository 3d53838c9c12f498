import '../i18n';
import '../directory.css';
import './compare.css';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FacilityDetail } from '../../../../contracts/directory';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { DIRECTORY_NS } from '../i18n';
import { facilityQuery, useCapabilities } from '../shared/directory.api';
import { compareHref, idsFromParam, useCompareSelection } from './compare-selection';
import { CompareTable } from './compare-table';

/**
 * Up to five facilities side by side: basic data, then each capability with when and by whom it
 * was confirmed. Its URL holds the ids, so it can be shared and printed (A4 landscape).
 */
export function ComparePage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ids = idsFromParam(params.get('ids'));
  const selection = useCompareSelection();
  const [removed, setRemoved] = useState<{ id: string; name: string; index: number } | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const capabilities = useCapabilities();
  const facilities = useQueries({ queries: ids.map((id) => facilityQuery(id)) });
  useEffect(() => {
    document.body.classList.add('dir-comparing');
    return () => document.body.classList.remove('dir-comparing');
  }, []);
  const pending = facilities.some((q) => q.isPending) || capabilities.isPending;
  const found = facilities.flatMap((q) => (q.data ? [q.data as FacilityDetail] : []));
  const missing = facilities.some((q) => q.isError);

  /**
   * Out of the comparison: the URL (what is shared and printed; replaced, so Back still leads to
   * where the comparison was opened from) and the tab's choice both drop it.
   */
  function remove(facility: FacilityDetail) {
    navigate(compareHref(ids.filter((id) => id !== facility.id)), { replace: true });
    selection.set(facility.id, false);
    setRemoved({ id: facility.id, name: facility.name, index: found.findIndex((f) => f.id === facility.id) });
    focusPending.current = true;
  }

  // The button pressed goes with its column (once the navigation has rendered: the router updates
  // in a transition): focus the next column's (or the last one's), else the heading, so a keyboard
  // user goes on from where they were.
  const shownIds = found.map((f) => f.id).join(',');
  useEffect(() => {
    if (!removed || !focusPending.current || shownIds.split(',').includes(removed.id)) return;
    focusPending.current = false;
    const buttons = pageRef.current?.querySelectorAll<HTMLButtonElement>('.dir-compare-table__remove');
    const next = buttons?.[Math.min(removed.index, buttons.length - 1)];
    (next ?? pageRef.current?.querySelector<HTMLElement>('h1'))?.focus();
  }, [removed, shownIds]);

  return (
    <div className="dir-compare" ref={pageRef}>
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
      <p className="dir-compare__status" role="status">
        {removed ? t('compare.removed', { name: removed.name }) : null}
      </p>
      {ids.length === 0 ? <p>{t('compare.empty')}</p> : null}
      {missing ? (
        <Alert kind="warning">
          <p>{t('compare.notFound')}</p>
        </Alert>
      ) : null}
      {pending && ids.length > 0 ? <Loading /> : null}
      {!pending && found.length > 0 ? (
        <CompareTable facilities={found} taxonomy={capabilities.data?.items ?? []} onRemove={remove} />
      ) : null}
    </div>
  );
}
