import { describe, expect, it } from 'vitest';
import {
  openReferralStates,
  ReferralEvent,
  type ReferralStatus,
  referralStates,
} from '../../../contracts/referrals';
import { REFERRAL_STATES } from '../../db/migrations/20261202061000_referrals';
import {
  isOpenReferral,
  isVisibleToRecipient,
  type ReferralParty,
  referralWorkflow,
} from './referral-status';

const parties: ReferralParty[] = ['sender', 'recipient', 'system'];

// Every allowed move with the parties allowed to make it; anything else throws.
const allowed: Partial<
  Record<ReferralStatus, Partial<Record<ReferralEvent, [ReferralStatus, ReferralParty[]]>>>
> = {
  draft: { send: ['sent', ['sender']], cancel: ['cancelled', ['sender', 'system']] },
  sent: {
    receive: ['received', ['recipient']],
    accept: ['accepted', ['recipient']],
    decline: ['declined', ['recipient']],
    name: ['completed', ['recipient']],
    cancel: ['cancelled', ['sender', 'system']],
    fail: ['failed', ['sender']],
  },
  received: {
    accept: ['accepted', ['recipient']],
    decline: ['declined', ['recipient']],
    name: ['completed', ['recipient']],
    cancel: ['cancelled', ['sender', 'system']],
    fail: ['failed', ['sender']],
  },
  accepted: {
    name: ['completed', ['recipient']],
    complete: ['completed', ['sender', 'system']],
    cancel: ['cancelled', ['sender', 'system']],
  },
};

describe('the referral workflow', () => {
  for (const state of referralStates) {
    for (const event of ReferralEvent.options) {
      for (const party of parties) {
        const move = allowed[state]?.[event];
        if (move?.[1].includes(party)) {
          it(`lets the ${party} ${event} a ${state} referral (→ ${move[0]})`, () => {
            expect(referralWorkflow.next(state, event, party)).toBe(move[0]);
          });
        } else if (move) {
          it(`forbids the ${party} to ${event} a ${state} referral`, () => {
            expect(() => referralWorkflow.next(state, event, party)).toThrow(
              expect.objectContaining({ code: 'auth.forbidden' }),
            );
          });
        } else {
          it(`refuses ${event} on a ${state} referral with referrals.invalid_transition`, () => {
            expect(() => referralWorkflow.next(state, event, party)).toThrow(
              expect.objectContaining({ code: 'referrals.invalid_transition' }),
            );
          });
        }
      }
    }
  }

  it('ends in declined, completed, cancelled and failed only', () => {
    expect([...referralWorkflow.terminal].sort()).toEqual(['cancelled', 'completed', 'declined', 'failed']);
  });

  it('counts the non-terminal states as open, as the contracts list them', () => {
    expect(referralStates.filter(isOpenReferral)).toEqual([...openReferralStates]);
  });

  it('shows the patient to the recipient only between sending and closing', () => {
    expect(referralStates.filter(isVisibleToRecipient)).toEqual(['sent', 'received', 'accepted']);
  });

  it('checks the same states in the migration as in the contracts', () => {
    expect(REFERRAL_STATES).toEqual([...referralStates]);
  });
});
