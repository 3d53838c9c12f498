import '../i18n';
import '../directory.css';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FacilitySearchResponse } from '../../../../contracts/directory';
import { ErrorAlert } from '../../../components/alert';
import { PageHeading } from '../../../components/page-heading';
import { CompareBar } from '../compare/compare-bar';
import { DIRECTORY_NS } from '../i18n';
import { useCapabilities, useDistricts, useFacilitySearch } from '../shared/directory.api';
import { useMediaQuery, WIDE_QUERY } from '../shared/use-media-query';
import { MapPanel } from './map-panel';
import { Pagination, ResultList } from './result-list';
import { ResultsHeader } from './results-header';
import { SearchPanel } from './search-panel';
import { formatSearch, PAGE_SIZE } from './search-params';
import { useFocusOnPageChange, useSearchBeacon, useSearchState } from './use-search-state';

type SearchModel = ReturnType<typeof useSearchState>;

/** The public search (home page): keyword, filters, list and map, all state in the URL. */
export function SearchPage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const search = useSearchState();
  const results = useFacilitySearch(search.apiQuery);
  const capabilities = useCapabilities();
  const districts = useDistricts();
  const wide = useMediaQuery(WIDE_QUERY);
  const [picking, setPicking] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useSearchBeacon(search.state, results.data?.total, results.isPlaceholderData);
  useFocusOnPageChange(search.state.page, resultsHeading);
  const startPicking = (on: boolean) => {
    setPicking(on);
    if (on && !wide) search.apply({ view: 'map' }, true);
  };

  return (
    <div className="dir-search">
      <PageHeading title={t('search.title')} />
      <p className="dir-lead">{t('search.lead')}</p>
      <div className="dir-search__layout">
        <SearchPanel
          state={search.shown}
          facets={results.data?.facets}
          capabilities={capabilities.data?.items ?? []}
          districts={districts.data?.items ?? []}
          wide={wide}
          picking={picking}
          onPickOnMap={startPicking}
          onChange={(change) => search.apply(change)}
          onClear={search.clear}
          total={results.isFetching ? undefined : results.data?.total}
          onShowResults={() => {
            resultsHeading.current?.focus();
            resultsHeading.current?.scrollIntoView({ block: 'start' });
          }}
        />
        <section className="dir-search__results" aria-labelledby="dir-results-heading">
          <ResultsHeader
            headingRef={resultsHeading}
            state={search.state}
            total={results.data?.total}
            pending={results.isFetching}
            wide={wide}
            onView={(view) => search.apply({ view }, true)}
            onSort={(sort) => search.apply({ sort })}
          />
          {results.error ? <ErrorAlert error={results.error} /> : null}
          <div className="dir-search__panes">
            {wide || search.state.view === 'list' ? <ListPane search={search} data={results.data} /> : null}
            {wide || search.state.view === 'map' ? (
              <MapPane search={search} picking={picking} onPicked={() => setPicking(false)} />
            ) : null}
          </div>
        </section>
      </div>
    </div>
  );
}

function ListPane({ search, data }: { search: SearchModel; data: FacilitySearchResponse | undefined }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const capabilities = useCapabilities();
  const names = useMemo(
    () =>
      new Map(
        (capabilities.data?.items ?? []).map((c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name]),
      ),
    [capabilities.data, i18n.language],
  );
  return (
    <div className="dir-search__list">
      <CompareBar />
      {data && data.total === 0 ? <p className="dir-empty">{t('search.none')}</p> : null}
      <ResultList items={data?.items ?? []} capabilityNames={names} from={search.queryString} />
      <Pagination
        page={search.state.page}
        total={data?.total ?? 0}
        pageSize={PAGE_SIZE}
        hrefFor={(page) => search.hrefFor({ page })}
      />
      <p>
        <Link to={`/print?${formatSearch({ ...search.state, page: 1, view: 'list' }).toString()}`}>
          {t('search.print')}
        </Link>
      </p>
    </div>
  );
}

function MapPane({
  search,
  picking,
  onPicked,
}: {
  search: SearchModel;
  picking: boolean;
  onPicked: () => void;
}) {
  const navigate = useNavigate();
  return (
    <div className="dir-search__map">
      <MapPanel
        query={search.mapQuery}
        near={search.state.near}
        radiusM={search.state.radiusM}
        picking={picking}
        onPick={(near) => {
          onPicked();
          search.apply({ near, place: 'map' });
        }}
        onOpen={(id) => navigate(`/facilities/${id}`, { state: { from: search.queryString } })}
      />
    </div>
  );
}
