import '../i18n';
import '../directory.css';
import './print.css';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DistrictDto, FacilitySearchItem } from '../../../../contracts/directory';
import { Alert, ErrorAlert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { DIRECTORY_NS } from '../i18n';
import { usePlaceLabel } from '../search/distance-filter';
import { formatSearch, parseSearch, type SearchState, toApiQuery } from '../search/search-params';
import { useAllResults, useCapabilities, useDistricts } from '../shared/directory.api';
import { formatDate } from '../shared/format';
import { groupForPrint } from './print-groups';
import { PrintMap } from './print-map';
import { PrintTable } from './print-table';

/** A sheet holds a district comfortably; a whole ward prints, but beyond this the list is cut. */
const PRINT_MAX = 1000;

/**
 * Print view of a result list or a whole district, laid out like the paper 在宅療養資源マップ:
 * title, conditions and date, a numbered map, then the list grouped by type (A4).
 */
export function PrintPage() {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const [params] = useSearchParams();
  const state = useMemo(() => parseSearch(params), [params]);
  const query = useMemo(() => {
    const sorted = { ...state, sort: state.near ? ('distance' as const) : ('kana' as const) };
    const { limit: _limit, offset: _offset, ...rest } = toApiQuery(sorted, new Date());
    return rest;
  }, [state]);
  const results = useAllResults(query, PRINT_MAX);
  const capabilities = useCapabilities();
  const districts = useDistricts();
  useEffect(() => {
    // Lets the print stylesheet hide whatever site chrome the shell might still render.
    document.body.classList.add('dir-printing');
    return () => document.body.classList.remove('dir-printing');
  }, []);
  const names = new Map(
    (capabilities.data?.items ?? []).map(
      (c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name] as const,
    ),
  );
  const districtList = districts.data?.items ?? [];

  return (
    <div className="dir-sheet">
      <div className="dir-print-toolbar">
        <Link to={`/search?${formatSearch({ ...state, page: 1 }).toString()}`}>{t('print.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('print.printButton')}
        </button>
      </div>
      <SheetHeader state={state} names={names} districts={districtList} total={results.data?.total} />
      {results.error ? <ErrorAlert error={results.error} /> : null}
      {results.isPending ? <Loading label={t('print.loading')} /> : null}
      {results.data ? (
        <SheetBody data={results.data} state={state} names={names} districts={districtList} />
      ) : null}
      <p className="dir-sheet__source">{t('print.source', { url: window.location.origin })}</p>
    </div>
  );
}

type SheetProps = { state: SearchState; names: Map<string, string>; districts: DistrictDto[] };

function SheetHeader({ state, names, districts, total }: SheetProps & { total: number | undefined }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const districtName = districts.find((d) => d.code === state.district)?.name;
  const title = districtName ? t('print.titleDistrict', { district: districtName }) : t('print.title');
  return (
    <header className="dir-sheet__header">
      <PageHeading title={title} />
      <p>{t('print.conditions', { conditions: describe(state, names, districts, t) })}</p>
      <SortNote state={state} />
      <p>
        {t('print.printedAt', { date: formatDate(new Date().toISOString(), i18n.language) })}
        {total !== undefined ? `　${t('print.count', { count: total })}` : null}
      </p>
    </header>
  );
}

/** The order of the sheet in words, and the base point the distances are measured from. */
function SortNote({ state }: { state: SearchState }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const place = usePlaceLabel(state);
  return (
    <p className="dir-sheet__order">
      {state.near ? t('print.orderDistance', { place }) : t('print.orderKana')}
    </p>
  );
}

function SheetBody({
  data,
  state,
  names,
  districts,
}: SheetProps & { data: { total: number; items: FacilitySearchItem[] } }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const groups = groupForPrint(data.items);
  if (data.total === 0) return <p>{t('print.empty')}</p>;
  return (
    <>
      {data.total > data.items.length ? (
        <Alert kind="warning">
          <p>{t('print.tooMany', { count: data.items.length })}</p>
        </Alert>
      ) : null}
      <PrintMap
        points={groups.flatMap((g) => g.points)}
        districts={districts}
        near={state.near}
        legend={groups.map((g) => ({ type: g.type, from: g.rows[0]?.no ?? 0, to: g.rows.at(-1)?.no ?? 0 }))}
      />
      {groups.map((group) => (
        <PrintTable
          key={group.type}
          group={group}
          capabilityNames={names}
          withDistance={state.near !== null}
        />
      ))}
    </>
  );
}

/** The conditions in words, so a printed sheet says what it lists. */
function describe(
  state: SearchState,
  names: Map<string, string>,
  districts: DistrictDto[],
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const parts: string[] = [];
  if (state.q) parts.push(`「${state.q}」`);
  for (const type of state.types) parts.push(t(`type.${type}`));
  for (const code of state.capabilities) parts.push(names.get(code) ?? code);
  const district = districts.find((d) => d.code === state.district);
  if (district) parts.push(district.name);
  if (state.town) parts.push(state.town);
  if (state.accepting) parts.push(t('search.accepting'));
  if (state.open === 'now') parts.push(t('search.openNow'));
  else if (state.open) parts.push(state.open.replace('T', ' '));
  if (state.near && state.radiusM) parts.push(t('search.radiusM', { km: state.radiusM / 1000 }));
  return parts.length > 0 ? parts.join('・') : t('print.allConditions');
}
