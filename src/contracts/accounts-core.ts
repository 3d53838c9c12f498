import { z } from 'zod';

/** Pieces every accounts contract shares (accounts.ts re-exports them). */

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Emails are compared case-insensitively: trimmed and lower-cased at the boundary. */
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** At least 8 characters (ASVS 6.2.1); the server also refuses common and guessable ones. */
export const NewPassword = z.string().min(8).max(128);
export const Password = z.string().min(1).max(128);
export const TotpCode = z.string().regex(/^\d{6}$/);
export const Uuid = z.uuid();
/** Times are ISO 8601 with offset; the server sends Asia/Tokyo (+09:00). */
export const Timestamp = z.string();

export const UserStatus = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

/**
 * Where the signed-in person stands with two-factor:
 * `verified` (done this session), `verification_required` (enter a code), `enrolment_required`
 * (their role needs it and no app is registered: only enrolment is reachable), `not_required`.
 */
export const TwoFactorStatus = z.enum([
  'verified',
  'verification_required',
  'enrolment_required',
  'not_required',
]);
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
