import { describe, expect, it } from 'vitest';
import {
  ConsultationEvent,
  type ConsultationStatus,
  consultationStates,
} from '../../../contracts/consultations';
import { consultationWorkflow } from './consultation-status';

// Every allowed move, written out by hand: anything not listed must throw.
const allowed: Record<ConsultationStatus, Partial<Record<ConsultationEvent, ConsultationStatus>>> = {
  open: { follow_up: 'following_up', close: 'closed' },
  following_up: { close: 'closed' },
  closed: { reopen: 'open' },
};

describe('the consultation workflow', () => {
  for (const state of consultationStates) {
    for (const event of ConsultationEvent.options) {
      const to = allowed[state][event];
      it(`${state} × ${event} → ${to ?? 'consultations.invalid_transition'}`, () => {
        if (to) expect(consultationWorkflow.next(state, event, 'window_staff')).toBe(to);
        else
          expect(() => consultationWorkflow.next(state, event, 'window_staff')).toThrow(
            expect.objectContaining({ code: 'consultations.invalid_transition' }),
          );
      });
    }
  }

  it('lets only the window’s staff move it', () => {
    expect(() => consultationWorkflow.next('open', 'close')).toThrow(
      expect.objectContaining({ code: 'auth.forbidden' }),
    );
  });

  it('has no dead end: a closed consultation can be reopened', () => {
    expect(consultationWorkflow.terminal).toEqual([]);
    expect(consultationWorkflow.eventsFrom('closed', 'window_staff')).toEqual(['reopen']);
  });

  it('names exactly the events of the contract', () => {
    const events = new Set(consultationWorkflow.transitions.map((t) => t.event));
    expect([...events].sort()).toEqual([...ConsultationEvent.options].sort());
  });
});
