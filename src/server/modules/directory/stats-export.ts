import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { facilityTypeLabels, type StatsExportQuery } from '../../../contracts/directory';
import type { RequestContext } from '../../platform/context';
import type { ModuleDeps } from '../../platform/module';
import type { Range } from './stats.queries';
import {
  getFacilityViewStats,
  getTopSearches,
  getViewStats,
  getZeroResultStats,
  resolveRange,
} from './stats.service';

export type StatsReportName =
  | 'views_month'
  | 'views_fiscal_year'
  | 'facilities'
  | 'searches'
  | 'zero_results';
type Table = { title: string; header: string[]; rows: Array<Array<string | number>> };

type Deps = Pick<ModuleDeps, 'db'>;

/** Rows of a list report in an exported file (the most the list routes allow). */
const EXPORT_LIMIT = 500;

async function buildTable(
  deps: Deps,
  ctx: RequestContext,
  report: StatsReportName,
  range: Range,
): Promise<Table> {
  switch (report) {
    case 'views_month':
    case 'views_fiscal_year': {
      const stats = await getViewStats(deps, ctx, {
        ...range,
        period: report === 'views_month' ? 'month' : 'fiscal_year',
      });
      return {
        title: report === 'views_month' ? '月別閲覧数' : '年度別閲覧数',
        header: [report === 'views_month' ? '月' : '年度', '施設ページ閲覧数', '検索数'],
        rows: stats.rows.map((r) => [r.label, r.facilityViews, r.searches]),
      };
    }
    case 'facilities': {
      const stats = await getFacilityViewStats(deps, ctx, { ...range, limit: EXPORT_LIMIT });
      return {
        title: '施設別閲覧数',
        header: ['施設ID', '名称', '種別', '閲覧数'],
        rows: stats.rows.map((r) => [r.facilityId, r.name, facilityTypeLabels[r.type].ja, r.views]),
      };
    }
    case 'searches': {
      const stats = await getTopSearches(deps, ctx, { ...range, limit: EXPORT_LIMIT });
      return {
        title: 'よく検索された語',
        header: ['検索語（正規化後）', '検索数', 'うち該当なし'],
        rows: stats.rows.map((r) => [r.query, r.count, r.zeroResults]),
      };
    }
    case 'zero_results': {
      const stats = await getZeroResultStats(deps, ctx, range);
      return {
        title: '該当なしの検索',
        header: ['区分', '地区・対応項目', '件数'],
        rows: [
          ...stats.byDistrict.map((r) => ['地区', r.name, r.count] as Array<string | number>),
          ...stats.byCapability.map((r) => ['対応項目', r.name, r.count] as Array<string | number>),
        ],
      };
    }
  }
}

/**
 * A statistics table of the ward_admin's municipality as CSV (UTF-8 with BOM and CRLF, for Excel)
 * or xlsx. Throws auth.required.
 */
export async function exportStats(
  deps: Deps,
  ctx: RequestContext,
  query: StatsExportQuery,
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const { report, format } = query;
  const range = resolveRange(query);
  const table = await buildTable(deps, ctx, report, range);
  const base = `directory-${report}-${range.from}-${range.to}`;
  if (format === 'csv') {
    const text = stringify([table.header, ...table.rows], { record_delimiter: '\r\n' });
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title);
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
