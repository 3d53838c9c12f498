import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { sendDirectoryEvent } from '../shared/directory.api';
import {
  emptySearch,
  formatSearch,
  parseSearch,
  type SearchState,
  toApiQuery,
  updateSearch,
} from './search-params';

/**
 * The search state read from the URL, plus the copy the form shows: a ticked box shows at once
 * while the URL (the real state, which the back button walks) catches up a moment later.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearch(params), [params]);
  const [shown, setShown] = useState(state);
  // URLs this form asked for that have not arrived yet. React Router commits them a moment later,
  // one by one: an earlier one arriving while a later one is pending must not put the old choice
  // back on screen (pressing ↓ twice in the district select jumped back one step, then on).
  const pending = useRef<string[]>([]);
  useEffect(() => {
    const arrived = params.toString();
    const index = pending.current.indexOf(arrived);
    if (index >= 0 && index < pending.current.length - 1) {
      pending.current = pending.current.slice(index + 1);
      return;
    }
    pending.current = [];
    setShown(state);
  }, [params, state]);
  // "Open now" is resolved once per change of conditions, not on every render.
  const apiQuery = useMemo(() => toApiQuery(state, new Date()), [state]);
  const mapQuery = useMemo(() => {
    const { limit: _limit, offset: _offset, ...rest } = apiQuery;
    return rest;
  }, [apiQuery]);
  const apply = (change: Partial<SearchState>, replace = false) => {
    const next = updateSearch(shown, change);
    const query = formatSearch(next);
    setShown(next);
    pending.current.push(query.toString());
    setParams(query, { replace, preventScrollReset: true });
  };
  return {
    state,
    shown,
    apiQuery,
    mapQuery,
    /** The query string of the current search (carried to the facility page for "back"). */
    queryString: params.toString(),
    apply,
    clear: () => setParams(formatSearch(emptySearch)),
    hrefFor: (change: Partial<SearchState>) => `?${formatSearch(updateSearch(state, change)).toString()}`,
  };
}

/** Counts each distinct search once for the statistics (no personal data: conditions and count). */
export function useSearchBeacon(state: SearchState, total: number | undefined, placeholder: boolean) {
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
export function useFocusOnPageChange(page: number, heading: React.RefObject<HTMLHeadingElement | null>) {
  const previous = useRef(page);
  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    heading.current?.focus();
  }, [page, heading]);
}
