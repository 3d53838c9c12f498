/**
 * The system's notion of "now". Use-case time, session expiry, lockout, link expiry, TOTP steps and
 * rate-limit windows all read it, so tests move time instead of sleeping.
 */
let override: (() => Date) | undefined;

export const clock = {
  now(): Date {
    return override ? override() : new Date();
  },
};

/** Replaces the clock (tests only); call with no argument to return to real time. */
export function setClockForTests(now?: () => Date): void {
  override = now;
}
