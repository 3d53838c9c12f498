import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapabilityDto, DistrictDto, SearchFacets } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { DistanceFilter } from './distance-filter';
import {
  CapabilityFilter,
  CheckboxFilter,
  DistrictSelect,
  OpenFilter,
  TownSelect,
  TypeFilter,
} from './search-filters';
import { countFilters, type SearchState } from './search-params';

type Props = {
  state: SearchState;
  facets: SearchFacets | undefined;
  capabilities: CapabilityDto[];
  districts: DistrictDto[];
  wide: boolean;
  picking: boolean;
  onPickOnMap: (on: boolean) => void;
  onChange: (change: Partial<SearchState>) => void;
  onClear: () => void;
  /** The number of results (undefined while loading), said on the 「結果を見る」 button. */
  total: number | undefined;
  /** Moves the focus (and the view) to the results heading. */
  onShowResults: () => void;
};

/**
 * Keyword form first (Enter searches), then the district, then everything else in a panel that
 * is open on a desktop and folded on a phone so the results are one short scroll away.
 * Choices apply at once; the keyword typed so far is carried along with them.
 */
export function SearchPanel(props: Props) {
  const { t } = useTranslation(DIRECTORY_NS);
  const { state, wide } = props;
  const [keyword, setKeyword] = useState(state.q);
  useEffect(() => setKeyword(state.q), [state.q]);
  const change = (next: Partial<SearchState>) => props.onChange({ q: keyword, ...next });
  const filters = countFilters(state);
  const shared = { state, facets: props.facets, onChange: change };
  const [open, setOpen] = useState(wide);
  useEffect(() => setOpen(wide), [wide]);

  return (
    <div className="dir-search-panel">
      {wide ? null : (
        // On a phone the results are below the whole panel: a way past it for thumbs and keyboards.
        <p className="dir-skip-results">
          {/* The heading has tabIndex -1: following the fragment moves the focus there too. */}
          <a href="#dir-results-heading">{t('search.skipToResults')}</a>
        </p>
      )}
      <KeywordForm value={keyword} onValue={setKeyword} onSubmit={() => props.onChange({ q: keyword })} />
      <DistrictSelect {...shared} districts={props.districts} />
      <details className="dir-more" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          {t('search.moreFilters')}
          {filters > 0 ? (
            <span className="dir-more__count">{t('search.activeFilters', { count: filters })}</span>
          ) : null}
        </summary>
        <div className="dir-more__body">
          <TypeFilter {...shared} />
          <CheckboxFilter
            label={t('search.accepting')}
            hint={t('search.acceptingHint')}
            checked={state.accepting}
            onChange={(accepting) => change({ accepting })}
          />
          <CapabilityFilter {...shared} capabilities={props.capabilities} />
          <TownSelect {...shared} districts={props.districts} />
          <OpenFilter {...shared} />
          <DistanceFilter
            state={state}
            onChange={change}
            picking={props.picking}
            onPickOnMap={props.onPickOnMap}
          />
          <CheckboxFilter
            label={t('search.excludeStale')}
            hint={t('search.excludeStaleHint')}
            checked={state.excludeStale}
            onChange={(excludeStale) => change({ excludeStale })}
          />
          {wide ? null : (
            <button type="button" className="button dir-show-results" onClick={props.onShowResults}>
              {props.total === undefined
                ? t('search.showResultsPending')
                : t('search.showResults', { count: props.total })}
            </button>
          )}
        </div>
      </details>
      {filters > 0 || state.q ? (
        <button type="button" className="button button--link" onClick={props.onClear}>
          {t('search.clear')}
        </button>
      ) : null}
    </div>
  );
}

function KeywordForm({
  value,
  onValue,
  onSubmit,
}: {
  value: string;
  onValue: (value: string) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <search aria-label={t('search.formLabel')} className="dir-keyword">
      <form onSubmit={submit}>
        <label className="field__label" htmlFor={id}>
          {t('search.keyword')}
        </label>
        <span className="field__hint" id={`${id}-hint`}>
          {t('search.keywordHint')}
        </span>
        <div className="dir-inline">
          <input
            id={id}
            type="search"
            name="q"
            className="input"
            value={value}
            maxLength={200}
            enterKeyHint="search"
            aria-describedby={`${id}-hint`}
            onChange={(event) => onValue(event.target.value)}
          />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </form>
    </search>
  );
}
