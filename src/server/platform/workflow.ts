import type { ErrorCode } from '../../contracts/error-codes';
import { AppError } from './errors';

/**
 * The one workflow pattern (docs/architecture.md). A workflow's `<thing>-status.ts` declares its
 * states (the same list feeds the zod enum in contracts and the table's CHECK constraint) and a
 * transition table; `next` is the only way a row changes state. Learnt from ozone's
 * mod-service/status.ts: the next state is a pure function of the current state and the event.
 */
export type Transition<State extends string, Event extends string, Party extends string> = {
  event: Event;
  from: readonly State[];
  to: State;
  /** Who may cause it; omitted means any party the route already let in. */
  by?: readonly Party[];
};

export type Workflow<State extends string, Event extends string, Party extends string> = {
  states: readonly State[];
  /** States with no way out. */
  terminal: readonly State[];
  transitions: readonly Transition<State, Event, Party>[];
  /**
   * The state after `event` in `from`, for `party`. Throws `<domain>.invalid_transition` (409) when
   * the event is not allowed in that state, and `auth.forbidden` when that party may not cause it.
   */
  next(from: State, event: Event, party?: Party): State;
  /** The events `party` may cause in `state` (what the page offers as buttons). */
  eventsFrom(state: State, party?: Party): Event[];
};

export function defineWorkflow<
  const State extends string,
  const Event extends string,
  const Party extends string = never,
>(spec: {
  invalidTransition: ErrorCode;
  states: readonly State[];
  transitions: readonly Transition<State, Event, Party>[];
}): Workflow<State, Event, Party> {
  const find = (from: State, event: Event) =>
    spec.transitions.find((t) => t.event === event && t.from.includes(from));
  const allowed = (t: Transition<State, Event, Party>, party?: Party) =>
    !t.by || (party !== undefined && t.by.includes(party));
  return {
    states: spec.states,
    terminal: spec.states.filter((s) => !spec.transitions.some((t) => t.from.includes(s))),
    transitions: spec.transitions,
    next(from, event, party) {
      const t = find(from, event);
      if (!t) throw new AppError(spec.invalidTransition, { from, event });
      if (!allowed(t, party)) throw new AppError('auth.forbidden', { from, event });
      return t.to;
    },
    eventsFrom(state, party) {
      return spec.transitions.filter((t) => t.from.includes(state) && allowed(t, party)).map((t) => t.event);
    },
  };
}
