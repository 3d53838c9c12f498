import type {
  DataListFigure,
  DataListQuery,
  DataListResponse,
  DataListRow,
  DataListSection,
  DataListYear,
} from '../../../contracts/council';
import { REIWA_OFFSET } from '../../../contracts/figures';
import { fiscalYearOf, formatFiscalYear } from '../../../contracts/japanese-calendar';
import type { RequestContext } from '../../platform/context';
import {
  type DataListPeriod,
  type DataListSectionRow,
  listDataListSections,
} from '../../platform/data-list/data-list-sections';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { tokyoDate } from '../../platform/time/tokyo-calendar';
import { runUseCase } from '../../platform/use-case';
import { presentDataListCsv } from './data-list.presenter';

type Deps = Pick<ModuleDeps, 'db'>;

/** The fiscal year starting in April of `fiscalYear`, cut at today while it runs. */
export function periodOf(fiscalYear: number, now: Date): DataListPeriod {
  const from = `${fiscalYear}-04-01`;
  const last = `${fiscalYear + 1}-03-31`;
  const today = tokyoDate(now);
  return { fiscalYear, from, to: today < last ? today : last, complete: today > last, now };
}

function yearOf(period: DataListPeriod): DataListYear {
  return {
    fiscalYear: period.fiscalYear - REIWA_OFFSET,
    label: formatFiscalYear(period.fiscalYear),
    from: period.from,
    to: period.to,
    complete: period.complete,
  };
}

/** Percent change of a count between two complete years, one decimal; null when it would mislead. */
function changeOf(
  unit: DataListRow['unit'],
  current: DataListFigure | null,
  previous: DataListFigure | null,
  complete: boolean,
): number | null {
  if (!complete || unit !== 'count' || !current || !previous) return null;
  if (current.pending || previous.pending || current.value === null || !previous.value) return null;
  return Math.round(((current.value - previous.value) / previous.value) * 1000) / 10;
}

/** The two years' rows of one section, paired by key in the order the current year gives them. */
function pairRows(
  current: DataListSectionRow[],
  previous: DataListSectionRow[],
  complete: boolean,
): DataListRow[] {
  const before = new Map(previous.map((r) => [r.key, r]));
  const rows: DataListRow[] = current.map((r) => {
    const old = before.get(r.key);
    before.delete(r.key);
    return {
      key: r.key,
      label: r.label,
      unit: r.unit,
      note: r.note ?? null,
      current: r.figure,
      previous: old?.figure ?? null,
      changePercent: changeOf(r.unit, r.figure, old?.figure ?? null, complete),
    };
  });
  // A row only last year had (a category no longer counted) still shows, with an empty 当年度.
  for (const r of before.values()) {
    rows.push({
      key: r.key,
      label: r.label,
      unit: r.unit,
      note: r.note ?? null,
      current: null,
      previous: r.figure,
      changePercent: null,
    });
  }
  return rows;
}

/**
 * The council's data list of the caller's municipality for one 令和N年度 (default: the current
 * one) beside the year before: every registered section, read in one transaction so the sheet is
 * one moment. Aggregates only, no patient is read (no access-log row). The route admits only
 * ward_admin. Throws auth.required, council.fiscal_year_not_started.
 */
export async function getDataList(
  deps: Deps,
  ctx: RequestContext,
  query: DataListQuery,
): Promise<DataListResponse> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const currentYear = fiscalYearOf(now);
    const asked = query.fiscalYear === undefined ? currentYear : query.fiscalYear + REIWA_OFFSET;
    if (asked > currentYear) throw new AppError('council.fiscal_year_not_started');
    const current = periodOf(asked, now);
    const previous = periodOf(asked - 1, now);
    const sections: DataListSection[] = [];
    // One after the other: they share the one transaction (and PGlite its one connection).
    for (const provider of listDataListSections()) {
      const thisYear = await provider.rows({ db: trx }, ctx, current);
      const lastYear = await provider.rows({ db: trx }, ctx, previous);
      sections.push({
        id: provider.id,
        title: provider.title,
        source: provider.source,
        rows: pairRows(thisYear, lastYear, current.complete),
      });
    }
    return {
      municipalityCode: actor.municipalityCode,
      current: yearOf(current),
      previous: yearOf(previous),
      generatedAt: now.toISOString(),
      sections,
    };
  });
}

/**
 * The data list as the council's CSV. Aggregates carry no personal data, but what leaves the
 * system is audited (who took which year's list out, and when). Throws as getDataList.
 */
export async function exportDataListCsv(
  deps: Deps,
  ctx: RequestContext,
  query: DataListQuery,
): Promise<{ csv: string; list: DataListResponse }> {
  const list = await getDataList(deps, ctx, query);
  await runUseCase(deps, ctx, ({ audit }) =>
    audit({
      action: 'council.data_list.export',
      recordType: 'council_data_list',
      details: { fiscalYear: list.current.fiscalYear, label: list.current.label },
    }),
  );
  return { csv: presentDataListCsv(list), list };
}
