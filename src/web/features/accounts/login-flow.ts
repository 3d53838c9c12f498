import type { SessionResponse } from '../../../contracts/accounts';

/**
 * Accepts only same-site paths as a place to return to after login, so a crafted link cannot
 * send a freshly logged-in person to another site (open redirect).
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** Where a person goes after a login step: the step they still owe, or where they were heading. */
export function nextLoginStep(session: SessionResponse, next: string | undefined): string {
  if (!session.authenticated) return withNext('/login', next);
  if (session.twoFactor?.status === 'verification_required') return withNext('/login/two-factor', next);
  if (session.twoFactor?.status === 'enrolment_required') return withNext('/account/two-factor', next);
  if (session.passwordChangeRequired) return '/account?passwordChange=1';
  return next ?? '/staff';
}
