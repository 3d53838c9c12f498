import { z } from 'zod';
import { ReiwaFiscalYear } from './figures';

/**
 * The council's data list (在宅療養に関するデータ一覧, MISSION.md item 10): every programme's figures
 * of one 令和N年度 beside the year before, each with its own period or as-of date and its source.
 * Aggregates only: no personal data. Sections come from the modules that own the facts
 * (platform/data-list: a module registers its section, the council module never reads its tables).
 */

/** `?fiscalYear=8` (令和8年度); without it, the current fiscal year. */
export const DataListQuery = z.object({ fiscalYear: ReiwaFiscalYear.optional() });
export type DataListQuery = z.infer<typeof DataListQuery>;

const IsoDate = z.iso.date();

export const Bilingual = z.object({ ja: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/**
 * When a figure holds: a period (a fiscal year's sum, up to today while the year runs), or a
 * point in time (a count of facilities listed on that day).
 */
export const DataListWhen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('period'), from: IsoDate, to: IsoDate }),
  z.object({ kind: z.literal('as_of'), date: IsoDate }),
]);
export type DataListWhen = z.infer<typeof DataListWhen>;

/** What a value counts: things (件・施設), a percentage (0–100, one decimal) or hours. */
export const DataListUnit = z.enum(['count', 'percent', 'hours']);
export type DataListUnit = z.infer<typeof DataListUnit>;

export const DataListFigure = z.object({
  /** null: nothing to count (a share of 0) or not counted yet (`pending`). */
  value: z.number().nullable(),
  /** A percentage's parts (6 of 7), shown beside it. */
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  /** The facts behind it are not recorded by this installation yet (集計準備中), not a 0. */
  pending: z.boolean(),
  when: DataListWhen,
});
export type DataListFigure = z.infer<typeof DataListFigure>;

export const DataListRow = z.object({
  key: z.string(),
  label: Bilingual,
  unit: DataListUnit,
  /** A definition the reader needs (what counts), or null. */
  note: Bilingual.nullable(),
  /** 当年度 and 前年度; null when the section did not give the row for that year. */
  current: DataListFigure.nullable(),
  previous: DataListFigure.nullable(),
  /**
   * Change from 前年度 in percent (one decimal), only for counts of two complete years with a
   * previous value above 0: a running year against a whole one would read as a fall.
   */
  changePercent: z.number().nullable(),
});
export type DataListRow = z.infer<typeof DataListRow>;

export const DataListSection = z.object({
  id: z.string(),
  title: Bilingual,
  /** Where the figures come from (which records of this system, or which import). */
  source: Bilingual,
  rows: z.array(DataListRow),
});
export type DataListSection = z.infer<typeof DataListSection>;

export const DataListYear = z.object({
  /** The 令和 year: 8 → 令和8年度. */
  fiscalYear: z.number().int(),
  /** `令和8年度`. */
  label: z.string(),
  from: IsoDate,
  /** The year's last day, or today while the year runs. */
  to: IsoDate,
  /** The whole year is behind us (its figures will not move any more). */
  complete: z.boolean(),
});
export type DataListYear = z.infer<typeof DataListYear>;

export const DataListResponse = z.object({
  municipalityCode: z.string(),
  current: DataListYear,
  previous: DataListYear,
  /** When the list was computed (the printed sheet says so). */
  generatedAt: z.iso.datetime(),
  sections: z.array(DataListSection),
});
export type DataListResponse = z.infer<typeof DataListResponse>;
