import { describe, expect, it } from 'vitest';
import { type NoticeStatus, noticeStates } from '../../../contracts/discharge';
import { noticeWorkflow } from './notice-status';

const events = ['send', 'deliver', 'read', 'acknowledge', 'expire', 'escalate'] as const;
const allowed: Partial<Record<NoticeStatus, Partial<Record<(typeof events)[number], NoticeStatus>>>> = {
  queued: { send: 'sent', acknowledge: 'acknowledged', expire: 'expired' },
  sent: { deliver: 'delivered', read: 'read', acknowledge: 'acknowledged', expire: 'expired' },
  delivered: { read: 'read', acknowledge: 'acknowledged', expire: 'expired' },
  read: { acknowledge: 'acknowledged', expire: 'expired' },
  expired: { escalate: 'escalated', acknowledge: 'acknowledged' },
  escalated: { acknowledge: 'acknowledged' },
};

describe('the notice workflow', () => {
  for (const state of noticeStates) {
    for (const event of events) {
      const to = allowed[state]?.[event];
      it(`${state} × ${event} → ${to ?? 'notice.invalid_transition'}`, () => {
        if (to) expect(noticeWorkflow.next(state, event)).toBe(to);
        else
          expect(() => noticeWorkflow.next(state, event)).toThrow(
            expect.objectContaining({ code: 'notice.invalid_transition' }),
          );
      });
    }
  }

  it('ends only when acknowledged', () => {
    expect(noticeWorkflow.terminal).toEqual(['acknowledged']);
  });
});
