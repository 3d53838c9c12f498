import { describe, expect, it } from 'vitest';
import { auditActions, isAuditAction } from './audit-actions';

describe('audit actions', () => {
  it('lists each action once', () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });

  it('names every action as <domain>.<verb> in lower snake case, so prefix filters (`auth.`) work', () => {
    const bad = auditActions.filter((action) => !/^[a-z_]+(\.[a-z_]+)+$/.test(action));
    expect(bad).toEqual([]);
  });

  it('tells a listed action from a stored string it does not know', () => {
    expect(isAuditAction('user.reset_two_factor')).toBe(true);
    expect(isAuditAction('facility.change_request.approve')).toBe(true);
    expect(isAuditAction('test.event')).toBe(false);
    expect(isAuditAction('auth.')).toBe(false);
  });
});
