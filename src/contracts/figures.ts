import { z } from 'zod';
import { OverrideReason } from './discharge';

/**
 * The council's discharge figures (issue 14 item 9): aggregates per month and per 令和N年度, with
 * no personal data. Months and the fiscal year (April–March) are counted in Asia/Tokyo.
 */

// Years 2000–2099: the programme's figures start in 令和元年 (2019); a year like 0000 cannot be a
// database timestamp and answered 500 (found by the fuzz suite).
const Month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/**
 * `?fiscalYear=8` (令和8年度 = 2026-04..2027-03) or `?from=2026-04&to=2026-09` (months, inclusive).
 * Without either, the current fiscal year.
 */
/** The 令和 year of a fiscal year: 8 → 令和8年度 (also the council's data list, contracts/council.ts). */
// Up to 令和80年度 (2098-04..2099-03): months are years 2000–2099, as Month says.
export const ReiwaFiscalYear = z.coerce.number().int().min(1).max(80);

export const FiguresQuery = z
  .object({
    fiscalYear: ReiwaFiscalYear.optional(),
    from: Month.optional(),
    to: Month.optional(),
  })
  .refine((q) => !(q.fiscalYear !== undefined && (q.from || q.to)), {
    message: 'fiscalYear or from/to, not both',
  })
  .refine((q) => Boolean(q.from) === Boolean(q.to), { message: 'from and to go together' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from after to' });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

/** A share: how many of how many (the page shows the percentage; null when nothing to count). */
export const Share = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** 0..1, rounded to 3 places; null when the denominator is 0. */
  ratio: z.number().nullable(),
});
export type Share = z.infer<typeof Share>;

/**
 * A figure that needs tables another part of issue 14 is still building: `pending: true` and a null
 * value until they exist, so the page says "集計準備中" rather than a false 0.
 */
export const PendingShare = z.object({
  pending: z.boolean(),
  value: Share.nullable(),
});
export type PendingShare = z.infer<typeof PendingShare>;

export const FigureCells = z.object({
  discharges: z.object({
    total: z.number().int(),
    /** The hospital is an entry of the ward's own directory. */
    inWard: z.number().int(),
    /** A hospital of another municipality's directory, or typed by name (区外). */
    outsideWard: z.number().int(),
  }),
  changes: z.object({
    proposed: z.number().int(),
    /** Confirmed through the gate or by override (the override count is also below). */
    confirmed: z.number().int(),
    keptCurrent: z.number().int(),
    sharedCare: z.number().int(),
  }),
  consentBeforeReferral: PendingShare,
  /** Notices to the circle (admission, provider change) sent before the case's discharge. */
  toldBeforeDischarge: Share,
  acknowledgment: z.object({
    count: z.number().int(),
    /** Plain hours from sending (or queueing) to acknowledgment, one decimal. */
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
  }),
  escalations: z.number().int(),
  overrides: z.object({
    total: z.number().int(),
    byReason: z.record(OverrideReason, z.number().int()),
  }),
  channels: z.object({
    inbox: z.number().int(),
    email: z.number().int(),
    fax: z.number().int(),
    phone: z.number().int(),
  }),
  nursingSummariesReadWithin24h: PendingShare,
});
export type FigureCells = z.infer<typeof FigureCells>;

export const FiguresMonth = FigureCells.extend({ month: Month });
export type FiguresMonth = z.infer<typeof FiguresMonth>;

export const FiguresResponse = z.object({
  municipalityCode: z.string(),
  from: Month,
  to: Month,
  /** The 令和 year when the range is one fiscal year, else null. */
  fiscalYear: z.number().int().nullable(),
  /** `令和8年度` or `2026年4月〜2026年9月`. */
  label: z.string(),
  months: z.array(FiguresMonth),
  total: FigureCells,
});
export type FiguresResponse = z.infer<typeof FiguresResponse>;

/** The 令和 era's first year: 令和N年度 starts in April of 2018 + N. */
export const REIWA_OFFSET = 2018;
