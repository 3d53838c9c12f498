import type { OverrideReason } from '../../../contracts/discharge';
import {
  type FigureCells,
  type FiguresQuery,
  type FiguresResponse,
  REIWA_OFFSET,
  type Share,
} from '../../../contracts/figures';
import { fiscalYearOf, formatFiscalYear } from '../../../contracts/japanese-calendar';
import type { RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import type { ModuleDeps } from '../../platform/module';
import { nextMonth, tokyoMonth, tokyoMonthStart } from '../../platform/time/tokyo-calendar';
import { runUseCase } from '../../platform/use-case';
import { presentFiguresCsv } from './figures.presenter';
import {
  consentTimesOf,
  countChannels,
  countClosedChanges,
  countDischarges,
  countEscalations,
  countOverrides,
  countProposedChanges,
  countToldBeforeDischarge,
  type FiguresRange,
  firstReferralsOfChanges,
  summariseAcknowledgments,
} from './figures.queries';
import { type FiguresSources, figuresSources } from './figures-sources';

type Deps = Pick<ModuleDeps, 'db'>;

/** A range longer than this is not a council table any more (and would be a slow one). */
export const FIGURES_MAX_MONTHS = 36;

const OVERRIDE_REASONS: OverrideReason[] = [
  'emergency',
  'patient_unreachable_incumbent',
  'incumbent_closed',
  'other',
];

/** The months asked for: a fiscal year (April–March), a month range, or the current fiscal year. */
export function monthsOf(query: FiguresQuery, now: Date): { months: string[]; fiscalYear: number | null } {
  let from: string;
  let to: string;
  let fiscalYear: number | null = null;
  if (query.from && query.to) {
    from = query.from;
    to = query.to;
  } else {
    fiscalYear = query.fiscalYear ?? fiscalYearOf(now) - REIWA_OFFSET;
    const start = fiscalYear + REIWA_OFFSET;
    from = `${start}-04`;
    to = `${start + 1}-03`;
  }
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    months.push(m);
    if (months.length > FIGURES_MAX_MONTHS) break;
  }
  if (!fiscalYear && months.length === 12 && from.endsWith('-04')) {
    fiscalYear = Number(from.slice(0, 4)) - REIWA_OFFSET;
  }
  return { months, fiscalYear };
}

function emptyCells(): FigureCells {
  return {
    discharges: { total: 0, inWard: 0, outsideWard: 0 },
    changes: { proposed: 0, confirmed: 0, keptCurrent: 0, sharedCare: 0 },
    // Filled by consentBeforeReferral() below: pending only when the documents module is not mounted.
    consentBeforeReferral: { pending: false, value: share(0, 0) },
    toldBeforeDischarge: share(0, 0),
    acknowledgment: { count: 0, medianHours: null, p90Hours: null },
    escalations: 0,
    overrides: {
      total: 0,
      byReason: Object.fromEntries(OVERRIDE_REASONS.map((r) => [r, 0])) as Record<OverrideReason, number>,
    },
    channels: { inbox: 0, email: 0, fax: 0, phone: 0 },
    nursingSummariesReadWithin24h: { pending: false, value: share(0, 0) },
  };
}

function share(numerator: number, denominator: number): Share {
  return {
    numerator,
    denominator,
    ratio: denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 1000,
  };
}

const hours = (value: string | null | undefined) =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;

/**
 * The council's discharge figures of the caller's municipality, per month and over the range:
 * aggregates only, no patient is read (so no access-log row). The route lets only ward_admin in.
 */
export async function getFigures(
  deps: Deps,
  ctx: RequestContext,
  query: FiguresQuery,
): Promise<FiguresResponse> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const { months, fiscalYear } = monthsOf(query, now);
    const first = months[0]!;
    const last = months.at(-1)!;
    const range: FiguresRange = {
      municipalityCode: actor.municipalityCode,
      from: tokyoMonthStart(first),
      to: tokyoMonthStart(nextMonth(last)),
    };
    const cells = new Map(months.map((m) => [m, emptyCells()]));
    const total = emptyCells();
    const at = (month: string) => cells.get(month);
    const both = (month: string, apply: (c: FigureCells) => void) => {
      const cell = at(month);
      if (cell) apply(cell);
      apply(total);
    };

    const [discharges, proposed, closed, told, acks, escalations, overrides, channels] = await Promise.all([
      countDischarges(trx, range),
      countProposedChanges(trx, range),
      countClosedChanges(trx, range),
      countToldBeforeDischarge(trx, range),
      summariseAcknowledgments(trx, range),
      countEscalations(trx, range),
      countOverrides(trx, range),
      countChannels(trx, range),
    ]);
    for (const r of discharges) {
      both(r.month, (c) => {
        c.discharges.total += Number(r.total);
        c.discharges.inWard += Number(r.in_ward);
        c.discharges.outsideWard += Number(r.total) - Number(r.in_ward);
      });
    }
    for (const r of proposed)
      both(r.month, (c) => {
        c.changes.proposed += Number(r.n);
      });
    for (const r of closed) {
      both(r.month, (c) => {
        if (r.status === 'kept_current') c.changes.keptCurrent += Number(r.n);
        else if (r.status === 'shared_care') c.changes.sharedCare += Number(r.n);
        else c.changes.confirmed += Number(r.n);
      });
    }
    for (const r of told) {
      both(r.month, (c) => {
        c.toldBeforeDischarge = share(
          c.toldBeforeDischarge.numerator + Number(r.told),
          c.toldBeforeDischarge.denominator + Number(r.total),
        );
      });
    }
    for (const r of acks) {
      const cell = r.month === null ? total : at(r.month);
      if (cell)
        cell.acknowledgment = { count: Number(r.n), medianHours: hours(r.median), p90Hours: hours(r.p90) };
    }
    for (const r of escalations)
      both(r.month, (c) => {
        c.escalations += Number(r.n);
      });
    for (const r of overrides) {
      both(r.month, (c) => {
        c.overrides.total += Number(r.n);
        c.overrides.byReason[r.reason_code] += Number(r.n);
      });
    }
    for (const r of channels)
      both(r.month, (c) => {
        c.channels[r.channel] += Number(r.n);
      });

    const sources = figuresSources();
    if (!sources) {
      for (const c of [...cells.values(), total]) {
        c.consentBeforeReferral = { pending: true, value: null };
        c.nursingSummariesReadWithin24h = { pending: true, value: null };
      }
    } else {
      for (const r of await consentBeforeReferral(trx, range, sources)) {
        both(r.month, (c) => {
          const v = c.consentBeforeReferral.value ?? share(0, 0);
          c.consentBeforeReferral = {
            pending: false,
            value: share(v.numerator + (r.consentFirst ? 1 : 0), v.denominator + 1),
          };
        });
      }
      for (const r of await sources.nursingSummaryReads(trx, range)) {
        both(r.month, (c) => {
          const v = c.nursingSummariesReadWithin24h.value ?? share(0, 0);
          c.nursingSummariesReadWithin24h = {
            pending: false,
            value: share(v.numerator + r.readWithin24h, v.denominator + r.shared),
          };
        });
      }
    }

    return {
      municipalityCode: actor.municipalityCode,
      from: first,
      to: last,
      fiscalYear,
      label: fiscalYear
        ? formatFiscalYear(fiscalYear + REIWA_OFFSET)
        : `${monthLabel(first)}〜${monthLabel(last)}`,
      months: months.map((month) => ({ month, ...at(month)! })),
      total,
    };
  });
}

/**
 * Each provider change whose first referral or 紹介状 (whichever came first) falls in the range, by
 * that month, and whether its consent was recorded before it. The gate refuses both before
 * consent, so anything under 100 % means an override, or a letter written outside the system.
 */
async function consentBeforeReferral(
  trx: Executor,
  range: FiguresRange,
  sources: FiguresSources,
): Promise<Array<{ month: string; consentFirst: boolean }>> {
  const [referrals, letters] = await Promise.all([
    firstReferralsOfChanges(trx, range.municipalityCode, range.to),
    sources.firstReferralLetters(trx, range.municipalityCode, range.to),
  ]);
  const firstAt = new Map<string, Date>();
  const keep = (id: string | null, at: Date) => {
    if (!id) return;
    const seen = firstAt.get(id);
    if (!seen || at < seen) firstAt.set(id, at);
  };
  for (const r of referrals) keep(r.provider_change_id, new Date(r.at));
  for (const l of letters) keep(l.providerChangeId, l.at);
  const inRange = [...firstAt].filter(([, at]) => at >= range.from && at < range.to);
  const consents = new Map(
    (
      await consentTimesOf(
        trx,
        inRange.map(([id]) => id),
      )
    ).map((c) => [c.change_id, c.recorded_at]),
  );
  return inRange.map(([id, at]) => {
    const consentAt = consents.get(id);
    return { month: tokyoMonth(at), consentFirst: consentAt !== undefined && consentAt <= at };
  });
}

function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/**
 * The figures as the council's CSV. Aggregates carry no personal data, but what leaves the system
 * is audited (who took which range's figures out, and when).
 */
export async function exportFiguresCsv(
  deps: Deps,
  ctx: RequestContext,
  query: FiguresQuery,
): Promise<{ csv: string; figures: FiguresResponse }> {
  const figures = await getFigures(deps, ctx, query);
  await runUseCase(deps, ctx, ({ audit }) =>
    audit({
      action: 'discharge.figures.export',
      recordType: 'discharge_figures',
      details: { from: figures.from, to: figures.to, fiscalYear: figures.fiscalYear },
    }),
  );
  return { csv: presentFiguresCsv(figures), figures };
}
