import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/accounts';
import { nextLoginStep, safeNextPath } from './login-flow';

function session(overrides: Partial<SessionResponse>): SessionResponse {
  return {
    authenticated: true,
    user: null,
    twoFactor: { status: 'verified', enrolled: true, recoveryCodesLeft: 10 },
    passwordChangeRequired: false,
    csrfToken: 'token',
    idleExpiresAt: null,
    absoluteExpiresAt: null,
    ...overrides,
  };
}

describe('safeNextPath', () => {
  it('keeps a path on this site', () => {
    expect(safeNextPath('/admin/audit?outcome=failure')).toBe('/admin/audit?outcome=failure');
  });

  it('refuses addresses that would leave the site', () => {
    expect(safeNextPath('https://evil.example/')).toBeUndefined();
    expect(safeNextPath('//evil.example/')).toBeUndefined();
    expect(safeNextPath('/\\evil.example/')).toBeUndefined();
    expect(safeNextPath(null)).toBeUndefined();
  });
});

describe('nextLoginStep', () => {
  it('asks for the two-factor code before anything else and keeps the destination', () => {
    const step = nextLoginStep(
      session({ twoFactor: { status: 'verification_required', enrolled: true, recoveryCodesLeft: 10 } }),
      '/admin/audit',
    );
    expect(step).toBe('/login/two-factor?next=%2Fadmin%2Faudit');
  });

  it('sends a person without an authenticator app to enrolment', () => {
    const step = nextLoginStep(
      session({ twoFactor: { status: 'enrolment_required', enrolled: false, recoveryCodesLeft: 0 } }),
      undefined,
    );
    expect(step).toBe('/account/two-factor');
  });

  it('requires the one-time password to be changed once two-factor is done', () => {
    expect(nextLoginStep(session({ passwordChangeRequired: true }), '/admin/users')).toBe(
      '/account?passwordChange=1',
    );
  });

  it('goes where the person was heading once every step is done, else to the staff menu', () => {
    expect(nextLoginStep(session({}), '/admin/users')).toBe('/admin/users');
    expect(nextLoginStep(session({}), undefined)).toBe('/staff');
  });
});
