import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from '../i18n';
import { PAGE_SIZE, type SearchState, sortChoices } from './search-params';

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  state: SearchState;
  total: number | undefined;
  pending: boolean;
  wide: boolean;
  onView: (view: SearchState['view']) => void;
  onSort: (sort: SearchState['sort']) => void;
};

/**
 * Heading, the number of results (a live region: a screen reader hears the new count after each
 * change), the order, and on a phone the list/map switch.
 */
export function ResultsHeader({ headingRef, state, total, pending, wide, onView, onSort }: Props) {
  const { t } = useTranslation(DIRECTORY_NS);
  const sortId = useId();
  const from = (state.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total ?? 0, state.page * PAGE_SIZE);
  const ready = total !== undefined && !pending;
  return (
    <div className="dir-results-header">
      <h2 id="dir-results-heading" ref={headingRef} tabIndex={-1}>
        {t('search.results')}
      </h2>
      <p className="dir-results-header__count" role="status" aria-live="polite" aria-atomic="true">
        {ready ? t('search.count', { count: total }) : t('search.loading')}
        {ready && total > PAGE_SIZE ? (
          <span className="dir-results-header__range">{t('search.countRange', { total, from, to })}</span>
        ) : null}
      </p>
      <div className="dir-results-header__tools">
        <div className="dir-sort">
          <label htmlFor={sortId}>{t('search.sort')}</label>
          <select
            id={sortId}
            className="select"
            // Without a keyword, distance and kana are what relevance already does (see sortChoices).
            value={sortChoices(state).some((c) => c.value === state.sort) ? state.sort : 'relevance'}
            onChange={(event) => onSort(event.target.value as SearchState['sort'])}
          >
            {sortChoices(state).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {t(`search.${choice.label}`)}
              </option>
            ))}
          </select>
        </div>
        {wide ? null : (
          <fieldset className="dir-view-toggle">
            <legend className="visually-hidden">{t('search.viewLabel')}</legend>
            {(['list', 'map'] as const).map((view) => (
              <button
                key={view}
                type="button"
                className={`button button--small ${state.view === view ? '' : 'button--secondary'}`}
                aria-pressed={state.view === view}
                onClick={() => onView(view)}
              >
                {t(view === 'list' ? 'search.viewList' : 'search.viewMap')}
              </button>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}
