import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FacilitySearchItem } from '../../../../contracts/directory';
import { ComparePick } from '../compare/compare-bar';
import { DIRECTORY_NS } from '../i18n';
import { CapacityBadge } from '../shared/capacity-badge';
import { formatDate, formatDistance, telHref } from '../shared/format';

const SHOWN_CAPABILITIES = 6;

type Props = {
  items: FacilitySearchItem[];
  /** Capability code → name in the reader's language. */
  capabilityNames: Map<string, string>;
  /** Query string of the search, carried to the facility page so "back to results" returns here. */
  from: string;
};

export function ResultList({ items, capabilityNames, from }: Props) {
  return (
    <ul className="dir-results">
      {items.map((item) => (
        <ResultCard key={item.id} item={item} capabilityNames={capabilityNames} from={from} />
      ))}
    </ul>
  );
}

function ResultCard({ item, capabilityNames, from }: { item: FacilitySearchItem } & Omit<Props, 'items'>) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const shown = item.capabilities.slice(0, SHOWN_CAPABILITIES);
  const more = item.capabilities.length - shown.length;
  return (
    <li className="dir-result">
      <h3 className="dir-result__name">
        <Link to={`/facilities/${item.id}`} state={{ from }}>
          {item.name}
        </Link>
      </h3>
      {item.kana ? <p className="dir-result__kana">{item.kana}</p> : null}
      <p className="dir-result__meta">
        <span className={`dir-type dir-type--${item.type}`}>{t(`type.${item.type}`)}</span>
        {item.districtName ? <span>{item.districtName}</span> : null}
        {item.distanceM !== undefined ? (
          <span className="dir-result__distance">
            {t('search.distance', { distance: formatDistance(item.distanceM) })}
          </span>
        ) : null}
      </p>
      <p className="dir-result__address">{item.address}</p>
      {item.phone ? (
        <p className="dir-result__phone">
          {t('facility.phone')}：<a href={telHref(item.phone)}>{item.phone}</a>
        </p>
      ) : null}
      {item.capacity ? <CapacityBadge capacity={item.capacity} /> : null}
      {item.confirmations.length > 0 ? (
        // The capabilities asked for, each with its confirmation: comparing candidates without opening each page.
        <ul className="dir-result__confirmations">
          {item.confirmations.map((c) => (
            <li key={c.code} className={c.confirmedBy === 'open_data' ? 'dir-stale' : undefined}>
              {t('search.confirmation', {
                name: capabilityNames.get(c.code) ?? c.code,
                date: formatDate(c.confirmedAt, i18n.language),
                who: t(`search.confirmedBy.${c.confirmedBy}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {shown.length > 0 ? (
        <ul className="dir-tags" aria-label={t('search.capabilities')}>
          {shown.map((code) => (
            <li key={code}>{capabilityNames.get(code) ?? code}</li>
          ))}
          {more > 0 ? (
            <li className="dir-tags__more">{t('search.morecapabilities', { count: more })}</li>
          ) : null}
        </ul>
      ) : null}
      <ComparePick id={item.id} name={item.name} />
    </li>
  );
}

/** Links, not buttons: a page of results can be opened in a new tab or shared. */
export function Pagination({
  page,
  total,
  pageSize,
  hrefFor,
}: {
  page: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav className="dir-pagination" aria-label={t('search.pages')}>
      {page > 1 ? (
        <Link className="button button--secondary" to={hrefFor(page - 1)} rel="prev">
          {t('search.prev', { count: pageSize })}
        </Link>
      ) : null}
      <span className="dir-pagination__where">
        {page} / {last}
      </span>
      {page < last ? (
        <Link className="button button--secondary" to={hrefFor(page + 1)} rel="next">
          {t('search.next', { count: Math.min(pageSize, total - page * pageSize) })}
        </Link>
      ) : null}
    </nav>
  );
}
