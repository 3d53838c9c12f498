import type { Bilingual, DataListFigure, DataListUnit, DataListWhen } from '../../../contracts/council';
import type { RequestContext } from '../context';
import type { ModuleDeps } from '../module';

/**
 * The fiscal year a section is asked for: April 1 to March 31 (Tokyo days), cut at today while the
 * year runs. `fiscalYear` is the calendar year it starts in (2026 = 令和8年度).
 */
export type DataListPeriod = {
  fiscalYear: number;
  /** `2026-04-01`. */
  from: string;
  /** The year's last day, or today (Tokyo) while it runs: the as-of date of point-in-time counts. */
  to: string;
  complete: boolean;
  now: Date;
};

/** The fiscal year's days as a figure's `when` (a count over the year, not a point in time). */
export function periodWhen(period: DataListPeriod): DataListWhen {
  return { kind: 'period', from: period.from, to: period.to };
}

/**
 * A figure with no parts (a count, hours): what most rows are. A share spreads this and sets its
 * numerator and denominator; a fact not recorded yet sets `pending`.
 */
export function plainFigure(value: number | null, when: DataListWhen): DataListFigure {
  return { value, numerator: null, denominator: null, pending: false, when };
}

/** One figure of one year, as a section gives it (the council module pairs the two years by key). */
export type DataListSectionRow = {
  key: string;
  label: Bilingual;
  unit: DataListUnit;
  note?: Bilingual;
  figure: DataListFigure;
};

/**
 * A module's part of the council's data list (在宅療養に関するデータ一覧): titles, where its facts
 * come from, and its rows for one fiscal year. `rows` reads the caller's municipality (the
 * signed-in ward_admin's, `ctx.actor`) through `deps.db`, which is the data list's one read
 * transaction, so every section sees the same moment.
 */
export type DataListSectionProvider = {
  id: string;
  title: Bilingual;
  source: Bilingual;
  rows(
    deps: Pick<ModuleDeps, 'db'>,
    ctx: RequestContext,
    period: DataListPeriod,
  ): Promise<DataListSectionRow[]>;
};

const sections = new Map<string, DataListSectionProvider>();

/**
 * How a module lends its figures to the data list without the council module importing it (as
 * onInboxProgress and registerFiguresSources do): called from the module's ServerModule.register.
 * The list shows sections in registration order, which is the module order of registry.ts.
 * Registering an id again replaces it (a second app in one process, as tests start).
 */
export function registerDataListSection(section: DataListSectionProvider): void {
  sections.set(section.id, section);
}

/** The registered sections, in the order they were first registered. */
export function listDataListSections(): DataListSectionProvider[] {
  return [...sections.values()];
}
