import { z } from 'zod';
import { NoticeKind } from './discharge';

/**
 * What a FAX sheet and its one-time link show: a masked name (目黒 ○○ 様), who sends it and the
 * hospital's phone number. Never clinical content: a FAX lands on a shared machine.
 */
export const FaxSheet = z.object({
  noticeId: z.uuid(),
  kind: NoticeKind,
  /** The family name and ○○ (目黒 ○○ 様). */
  maskedPatientName: z.string(),
  recipientLabel: z.string(),
  recipientFax: z.string().nullable(),
  hospitalName: z.string(),
  hospitalPhone: z.string().nullable(),
  /** The one-time link (shown once: only its hash is kept). */
  url: z.string(),
  /** The same link as a QR code, an SVG document. */
  qrSvg: z.string(),
  expiresAt: z.string(),
  issuedAt: z.string(),
});
export type FaxSheet = z.infer<typeof FaxSheet>;

/** `GET /api/notice-links/:token`: what the recipient without an account sees before answering. */
export const NoticeLinkView = z.object({
  kind: NoticeKind,
  maskedPatientName: z.string(),
  recipientLabel: z.string(),
  hospitalName: z.string(),
  hospitalPhone: z.string().nullable(),
  /** A proposed change asks agree or object (with a reason); other notices only "received". */
  needsAnswer: z.boolean(),
  expiresAt: z.string(),
});
export type NoticeLinkView = z.infer<typeof NoticeLinkView>;

export const NoticeLinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const NoticeLinkAnswerBody = z
  .object({
    /** Who answers (the doctor's name): there is no account to name them. */
    name: z.string().trim().min(1).max(100),
    answer: z.enum(['agree', 'object']).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.answer !== 'object' || (b.reason && b.reason.length > 0), {
    message: 'an objection gives its reason',
    path: ['reason'],
  });
export type NoticeLinkAnswerBody = z.infer<typeof NoticeLinkAnswerBody>;
