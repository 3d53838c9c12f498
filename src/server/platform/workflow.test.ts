import { describe, expect, it } from 'vitest';
import { defineWorkflow } from './workflow';

// A made-up workflow: the pattern itself, before any module's exhaustive table tests.
const door = defineWorkflow({
  invalidTransition: 'conflict',
  states: ['closed', 'open', 'locked', 'removed'],
  transitions: [
    { event: 'open', from: ['closed'], to: 'open' },
    { event: 'close', from: ['open'], to: 'closed' },
    { event: 'lock', from: ['closed'], to: 'locked', by: ['keeper'] },
    { event: 'unlock', from: ['locked'], to: 'closed', by: ['keeper'] },
    { event: 'remove', from: ['closed', 'locked'], to: 'removed', by: ['keeper'] },
  ],
});

describe('a workflow defined with the pattern', () => {
  it('moves along the table and names its terminal states', () => {
    expect(door.next('closed', 'open')).toBe('open');
    expect(door.next('closed', 'lock', 'keeper')).toBe('locked');
    expect(door.terminal).toEqual(['removed']);
  });

  it('refuses an event its state does not allow with the invalid-transition code', () => {
    expect(() => door.next('open', 'lock', 'keeper')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => door.next('removed', 'open')).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('refuses a party the transition does not name with auth.forbidden', () => {
    expect(() => door.next('closed', 'lock')).toThrow(expect.objectContaining({ code: 'auth.forbidden' }));
    expect(() => door.next('closed', 'lock', 'visitor' as never)).toThrow(
      expect.objectContaining({ code: 'auth.forbidden' }),
    );
  });

  it('offers each party only the events it may cause', () => {
    expect(door.eventsFrom('closed')).toEqual(['open']);
    expect(door.eventsFrom('closed', 'keeper')).toEqual(['open', 'lock', 'remove']);
  });
});
