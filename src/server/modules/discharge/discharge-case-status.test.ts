import { describe, expect, it } from 'vitest';
import {
  DischargeCaseEvent,
  type DischargeCaseStatus,
  dischargeCaseStates,
} from '../../../contracts/discharge';
import { dischargeCaseWorkflow } from './discharge-case-status';

// Every allowed move, written out by hand: anything not listed must throw.
const allowed: Partial<
  Record<DischargeCaseStatus, Partial<Record<DischargeCaseEvent, DischargeCaseStatus>>>
> = {
  open: {
    plan: 'planning',
    schedule: 'scheduled',
    cancel: 'cancelled',
    transfer: 'transferred',
    decease: 'deceased',
  },
  planning: { schedule: 'scheduled', cancel: 'cancelled', transfer: 'transferred', decease: 'deceased' },
  scheduled: {
    plan: 'planning',
    discharge: 'discharged',
    cancel: 'cancelled',
    transfer: 'transferred',
    decease: 'deceased',
  },
  discharged: { follow_up: 'follow_up', decease: 'deceased' },
  follow_up: { close: 'closed', decease: 'deceased' },
};

describe('the discharge case workflow', () => {
  for (const state of dischargeCaseStates) {
    for (const event of DischargeCaseEvent.options) {
      const to = allowed[state]?.[event];
      it(`${state} × ${event} → ${to ?? 'discharge.invalid_transition'}`, () => {
        if (to) expect(dischargeCaseWorkflow.next(state, event)).toBe(to);
        else
          expect(() => dischargeCaseWorkflow.next(state, event)).toThrow(
            expect.objectContaining({ code: 'discharge.invalid_transition' }),
          );
      });
    }
  }

  it('ends only in closed, cancelled, transferred or deceased', () => {
    expect([...dischargeCaseWorkflow.terminal].sort()).toEqual([
      'cancelled',
      'closed',
      'deceased',
      'transferred',
    ]);
  });

  it('names exactly the events of the contract', () => {
    const events = new Set(dischargeCaseWorkflow.transitions.map((t) => t.event));
    expect([...events].sort()).toEqual([...DischargeCaseEvent.options].sort());
  });
});
