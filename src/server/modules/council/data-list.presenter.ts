import { stringify } from 'csv-stringify/sync';
import type {
  DataListFigure,
  DataListResponse,
  DataListUnit,
  DataListWhen,
} from '../../../contracts/council';

/** 2026-04-01 → 2026/4/1 (how the ward's sheets write dates). */
function slashDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
}

/** The period of a figure as the sheet writes it: `2026/4/1〜2027/3/31` or `2027/3/31時点`. */
export function whenText(when: DataListWhen): string {
  return when.kind === 'as_of'
    ? `${slashDate(when.date)}時点`
    : `${slashDate(when.from)}〜${slashDate(when.to)}`;
}

const UNIT: Record<DataListUnit, string> = { count: '件', percent: '%', hours: '時間' };

function valueText(figure: DataListFigure | null): string | number {
  if (!figure) return '';
  if (figure.pending) return '集計準備中';
  return figure.value ?? '';
}

/**
 * The data list as CSV for Excel, one row per figure: UTF-8 with a BOM (Excel reads BOM-less
 * UTF-8 as Shift_JIS) and CRLF, Japanese headings (the sheet goes to the meeting as it is).
 */
export function presentDataListCsv(list: DataListResponse): string {
  const header = [
    '区分',
    '項目',
    '単位',
    `${list.previous.label}`,
    `${list.previous.label}の期間・時点`,
    `${list.current.label}`,
    `${list.current.label}の期間・時点`,
    '増減（%）',
    '出典',
    '注',
  ];
  const rows: Array<Array<string | number>> = [header];
  for (const section of list.sections) {
    for (const row of section.rows) {
      rows.push([
        section.title.ja,
        row.label.ja,
        UNIT[row.unit],
        valueText(row.previous),
        row.previous ? whenText(row.previous.when) : '',
        valueText(row.current),
        row.current ? whenText(row.current.when) : '',
        row.changePercent ?? '',
        section.source.ja,
        row.note?.ja ?? '',
      ]);
    }
  }
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
