import '../i18n';
import '../directory.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/alert';
import { PageHeading } from '../../../components/page-heading';
import { DIRECTORY_NS } from '../i18n';
import {
  sendDirectoryEvent,
  useCapabilities,
  useDistricts,
  useFacilitySearch,
} from '../shared/directory.api';
import { useMediaQuery, WIDE_QUERY } from '../shared/use-media-query';
import { MapPanel } from './map-panel';
import { Pagination, ResultList } from './result-list';
import { ResultsHeader } from './results-header';
import { SearchPanel } from './search-panel';
import {
  emptySearch,
  formatSearch,
  PAGE_SIZE,
  parseSearch,
  type SearchState,
  toApiQuery,
  updateSearch,
} from './search-params';

/** The public search (home page): keyword, filters, list and map, all state in the URL. */
export function SearchPage() {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const state = useMemo(() => parseSearch(params), [params]);
  // The form shows a choice at once, while the URL (the real state) catches up a moment later.
  const [shown, setShown] = useState(state);
  useEffect(() => setShown(state), [state]);
  // "Open now" is resolved once per change of conditions, not on every render.
  const apiQuery = useMemo(() => toApiQuery(state, new Date()), [state]);
  const mapQuery = useMemo(() => {
    const { limit: _limit, offset: _offset, ...rest } = apiQuery;
    return rest;
  }, [apiQuery]);
  const search = useFacilitySearch(apiQuery);
  const capabilities = useCapabilities();
  const districts = useDistricts();
  const wide = useMediaQuery(WIDE_QUERY);
  const [picking, setPicking] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const apply = (change: Partial<SearchState>, replace = false) => {
    const next = updateSearch(shown, change);
    setShown(next);
    setParams(formatSearch(next), { replace, preventScrollReset: true });
  };
  const hrefFor = (change: Partial<SearchState>) =>
    `?${formatSearch(updateSearch(state, change)).toString()}`;
  const capabilityNames = useMemo(
    () =>
      new Map(
        (capabilities.data?.items ?? []).map((c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name]),
      ),
    [capabilities.data, i18n.language],
  );

  useSearchBeacon(state, search.data?.total, search.isPlaceholderData);
  useFocusOnPageChange(state.page, resultsHeading);

  const showList = wide || state.view === 'list';
  const showMap = wide || state.view === 'map';
  const startPicking = (on: boolean) => {
    setPicking(on);
    if (on && !wide) apply({ view: 'map' }, true);
  };

  return (
    <div className="dir-search">
      <PageHeading title={t('search.title')} />
      <p className="dir-lead">{t('search.lead')}</p>
      <div className="dir-search__layout">
        <SearchPanel
          state={shown}
          facets={search.data?.facets}
          capabilities={capabilities.data?.items ?? []}
          districts={districts.data?.items ?? []}
          wide={wide}
          picking={picking}
          onPickOnMap={startPicking}
          onChange={(change) => apply(change)}
          onClear={() => setParams(formatSearch(emptySearch))}
        />
        <section className="dir-search__results" aria-labelledby="dir-results-heading">
          <ResultsHeader
            headingRef={resultsHeading}
            state={state}
            total={search.data?.total}
            pending={search.isFetching}
            wide={wide}
            onView={(view) => apply({ view }, true)}
            onSort={(sort) => apply({ sort })}
          />
          {search.error ? <ErrorAlert error={search.error} /> : null}
          <div className="dir-search__panes">
            {showList ? (
              <div className="dir-search__list">
                {search.data && search.data.total === 0 ? (
                  <p className="dir-empty">{t('search.none')}</p>
                ) : null}
                <ResultList
                  items={search.data?.items ?? []}
                  capabilityNames={capabilityNames}
                  from={params.toString()}
                />
                <Pagination
                  page={state.page}
                  total={search.data?.total ?? 0}
                  pageSize={PAGE_SIZE}
                  hrefFor={(page) => hrefFor({ page })}
                />
                <p>
                  <Link to={`/print?${formatSearch({ ...state, page: 1, view: 'list' }).toString()}`}>
                    {t('search.print')}
                  </Link>
                </p>
              </div>
            ) : null}
            {showMap ? (
              <div className="dir-search__map">
                <MapPanel
                  query={mapQuery}
                  near={state.near}
                  radiusM={state.radiusM}
                  picking={picking}
                  onPick={(near) => {
                    setPicking(false);
                    apply({ near, place: 'map' });
                  }}
                  onOpen={(id) => navigate(`/facilities/${id}`, { state: { from: params.toString() } })}
                />
              </div>
            ) : null}
          </div>
        </section>
      </div>
    </div>
  );
}

/** Counts each distinct search once for the statistics (no personal data: conditions and count). */
function useSearchBeacon(state: SearchState, total: number | undefined, placeholder: boolean) {
  const sent = useRef('');
  useEffect(() => {
    if (total === undefined || placeholder) return;
    const key = JSON.stringify([
      state.q,
      state.types,
      state.capabilities,
      state.district,
      state.town,
      state.accepting,
    ]);
    if (sent.current === key) return;
    sent.current = key;
    sendDirectoryEvent({
      kind: 'search',
      q: state.q.trim() || undefined,
      types: state.types,
      capabilities: state.capabilities,
      district: state.district || undefined,
      resultCount: total,
    });
  }, [state, total, placeholder]);
}

/** After "next 20", focus goes to the results heading so keyboard and screen-reader users start there. */
function useFocusOnPageChange(page: number, heading: React.RefObject<HTMLHeadingElement | null>) {
  const previous = useRef(page);
  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    heading.current?.focus();
  }, [page, heading]);
}
