import { describe, expect, it } from 'vitest';
import { type ProviderChangeStatus, providerChangeStates } from '../../../contracts/discharge';
import {
  type ChangeParty,
  gateMissing,
  gateRefusal,
  mayRequestReferral,
  type ProviderChangeEvent,
  providerChangeWorkflow,
} from './provider-change-status';

const events: ProviderChangeEvent[] = [
  'request_consent',
  'record_consent',
  'notify_incumbent',
  'acknowledge',
  'object',
  'escalate',
  'confirm',
  'override',
  'keep_current',
  'share_care',
  'withdraw',
];
const parties: ChangeParty[] = ['coordinator', 'incumbent', 'system'];

const ends = { override: 'confirmed_override', keep_current: 'kept_current', withdraw: 'withdrawn' } as const;
const heard = { ...ends, share_care: 'shared_care', confirm: 'confirmed' } as const;

// Every allowed move with the one party allowed to make it; anything else throws.
const allowed: Partial<
  Record<ProviderChangeStatus, Partial<Record<ProviderChangeEvent, [ProviderChangeStatus, ChangeParty]>>>
> = {
  proposed: {
    request_consent: ['awaiting_consent', 'coordinator'],
    record_consent: ['consented', 'coordinator'],
    ...as(ends),
  },
  awaiting_consent: { record_consent: ['consented', 'coordinator'], ...as(ends) },
  consented: {
    notify_incumbent: ['incumbent_notified', 'coordinator'],
    ...as(ends),
    share_care: ['shared_care', 'coordinator'],
  },
  incumbent_notified: {
    acknowledge: ['acknowledged', 'incumbent'],
    object: ['objected', 'incumbent'],
    escalate: ['escalated', 'system'],
    ...as(ends),
    share_care: ['shared_care', 'coordinator'],
  },
  acknowledged: as(heard),
  objected: as(heard),
  escalated: { ...as(heard), acknowledge: ['acknowledged', 'incumbent'], object: ['objected', 'incumbent'] },
};

function as<T extends Record<string, ProviderChangeStatus>>(map: T) {
  return Object.fromEntries(Object.entries(map).map(([e, to]) => [e, [to, 'coordinator']])) as Record<
    keyof T,
    [ProviderChangeStatus, ChangeParty]
  >;
}

describe('the provider change workflow (the continuity gate)', () => {
  for (const state of providerChangeStates) {
    for (const event of events) {
      for (const party of parties) {
        const rule = allowed[state]?.[event];
        const expected = !rule
          ? 'provider_change.invalid_transition'
          : rule[1] === party
            ? rule[0]
            : 'auth.forbidden';
        it(`${state} × ${event} by ${party} → ${expected}`, () => {
          if (rule && rule[1] === party)
            expect(providerChangeWorkflow.next(state, event, party)).toBe(rule[0]);
          else
            expect(() => providerChangeWorkflow.next(state, event, party)).toThrow(
              expect.objectContaining({ code: expected }),
            );
        });
      }
    }
  }

  it('has no confirm before both the consent and the incumbent’s answer or escalation', () => {
    const confirmable = providerChangeStates.filter((s) =>
      providerChangeWorkflow.eventsFrom(s, 'coordinator').includes('confirm'),
    );
    expect(confirmable).toEqual(['acknowledged', 'objected', 'escalated']);
  });

  it('ends only in confirmed, confirmed_override, kept_current, shared_care or withdrawn', () => {
    expect([...providerChangeWorkflow.terminal].sort()).toEqual(
      ['confirmed', 'confirmed_override', 'kept_current', 'shared_care', 'withdrawn'].sort(),
    );
  });

  it('names each refusal of confirm by what is missing, consent first', () => {
    expect(gateRefusal('proposed')).toBe('continuity.consent_missing');
    expect(gateRefusal('awaiting_consent')).toBe('continuity.consent_missing');
    expect(gateRefusal('consented')).toBe('continuity.incumbent_not_acknowledged');
    expect(gateRefusal('incumbent_notified')).toBe('continuity.incumbent_not_acknowledged');
    for (const s of ['acknowledged', 'objected', 'escalated'] as const)
      expect(gateRefusal(s)).toBeUndefined();
    expect(gateMissing('proposed')).toEqual(['consent', 'incumbent_acknowledgment']);
    expect(gateMissing('incumbent_notified')).toEqual(['incumbent_acknowledgment']);
    expect(gateMissing('escalated')).toEqual([]);
  });

  it('never allows a referral before consent', () => {
    expect(mayRequestReferral('proposed')).toBe(false);
    expect(mayRequestReferral('awaiting_consent')).toBe(false);
    expect(mayRequestReferral('consented')).toBe(true);
    expect(mayRequestReferral('confirmed_override')).toBe(true);
  });
});
