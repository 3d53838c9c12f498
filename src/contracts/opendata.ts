import { z } from 'zod';

/**
 * Open data in and out (issue 4): the layouts we read, the import report, the export formats and
 * the error codes. Shared by the server, the CLI and the web (admin import page, open-data page).
 */

/** The facility lists we recognise, always from the header row, never from column positions. */
export const OpenDataLayout = z.enum([
  /** 自治体標準オープンデータセット 医療機関一覧 (デジタル庁 正式版, 42 columns). */
  'medical_standard',
  /** 推奨データセット 医療機関一覧 (2019–2023, 26 columns). */
  'medical_recommended',
  /** 推奨データセット 介護サービス事業所一覧 (22 columns, newer files with more). */
  'care_recommended',
  /** MHLW 介護サービス情報公表システム open data, one file per service type (24 columns). */
  'mhlw_care_service',
]);
export type OpenDataLayout = z.infer<typeof OpenDataLayout>;

export const layoutLabels: Record<OpenDataLayout, { ja: string; en: string }> = {
  medical_standard: {
    ja: '自治体標準オープンデータセット 医療機関一覧',
    en: 'Standard dataset: medical institutions',
  },
  medical_recommended: {
    ja: '推奨データセット 医療機関一覧（旧様式）',
    en: 'Recommended dataset: medical institutions (old)',
  },
  care_recommended: {
    ja: '推奨データセット 介護サービス事業所一覧',
    en: 'Recommended dataset: care service offices',
  },
  mhlw_care_service: {
    ja: '介護サービス情報公表システム オープンデータ',
    en: 'MHLW care service information open data',
  },
};

/** How the file's bytes were read. */
export const SourceEncoding = z.enum(['utf-8', 'utf-8-bom', 'cp932', 'utf-16le', 'utf-16be', 'xlsx']);
export type SourceEncoding = z.infer<typeof SourceEncoding>;

export const ImportRowError = z.object({
  /** Line as a spreadsheet shows it (the header is usually line 1); 0 for a fault of the whole file. */
  line: z.number().int().min(0),
  /** Header of the offending column as written in the file; null when no single column is at fault. */
  column: z.string().nullable(),
  code: z.string(),
  /** Japanese first, then English: what is wrong and what to do. */
  message: z.string(),
  /** Sheet name, for xlsx files with several sheets. */
  sheet: z.string().optional(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** A facility whose own editor changed fields that the file would overwrite. */
export const KeptEditorEdit = z.object({
  line: z.number().int(),
  facilityId: z.string(),
  name: z.string(),
  fields: z.array(z.string()),
  /** true when the admin chose to overwrite them with the file's values. */
  overwritten: z.boolean(),
});
export type KeptEditorEdit = z.infer<typeof KeptEditorEdit>;

export const ImportReport = z.object({
  file: z.string(),
  layout: OpenDataLayout.nullable(),
  encoding: SourceEncoding.nullable(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /**
   * Rows the file places in another municipality than the one given (`--municipality`, or the
   * admin's own on the web): a national file brings in only its own rows. Counted, never checked.
   */
  skipped: z.number().int(),
  /** Those municipalities with their row counts, most rows first (at most 20 listed). */
  skippedMunicipalities: z.array(z.object({ code: z.string(), rows: z.number().int() })),
  errors: z.array(ImportRowError),
  dryRun: z.boolean(),
  committed: z.boolean(),
  /** Municipalities the installation did not have and that this import adds (or would add). */
  municipalitiesAdded: z.array(z.object({ code: z.string(), name: z.string(), prefecture: z.string() })),
  editorEdits: z.array(KeptEditorEdit),
  /** Sheets of an xlsx file and the layout each was read as (sheets not recognised are listed with null). */
  sheets: z.array(z.object({ name: z.string(), layout: OpenDataLayout.nullable(), rows: z.number().int() })),
  /** Errors beyond this many are counted but not listed. */
  errorsTruncated: z.boolean(),
  /** The cells of the first rejected rows as the file has them, to show the offending cells. */
  rejectedRows: z.array(
    z.object({
      line: z.number().int(),
      sheet: z.string().optional(),
      cells: z.record(z.string(), z.string()),
    }),
  ),
  durationMs: z.number(),
  /**
   * Of durationMs, the time a large import spent rebuilding the search indexes and constraints it
   * suspended while loading, and refreshing the planner's statistics (0 when nothing was suspended).
   */
  indexRebuildMs: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Query of the admin import endpoint; the file itself is the raw request body. */
export const ImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  overwriteEditorEdits: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  fileName: z.string().max(255).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** Largest upload the admin page accepts; bigger files go through `npx zaitaku import`. */
export const OPEN_DATA_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

export const ExportFormat = z.enum(['csv', 'csv-cp932', 'xlsx', 'hsds', 'fhir']);
export type ExportFormat = z.infer<typeof ExportFormat>;
type ExportFormatValue = ExportFormat;

/** The two standard CSV datasets a municipality publishes. */
export const ExportDataset = z.enum(['medical', 'care']);
export type ExportDataset = z.infer<typeof ExportDataset>;

export const OPEN_DATA_LICENCE = {
  name: 'クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)',
  id: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
} as const;

/** The files of the public open-data API: `/api/public/opendata/<file>`. */
export const OpenDataFile = z.enum([
  'medical-institutions.csv',
  'medical-institutions-sjis.csv',
  'care-offices.csv',
  'care-offices-sjis.csv',
  'facilities.xlsx',
  'hsds.json',
  'fhir-bundle.json',
]);
export type OpenDataFile = z.infer<typeof OpenDataFile>;

export const openDataFiles: Record<
  OpenDataFile,
  { format: ExportFormatValue; dataset?: 'medical' | 'care'; ja: string; en: string }
> = {
  'medical-institutions.csv': {
    format: 'csv',
    dataset: 'medical',
    ja: '医療機関一覧（CSV・UTF-8）',
    en: 'Medical institutions (CSV, UTF-8)',
  },
  'medical-institutions-sjis.csv': {
    format: 'csv-cp932',
    dataset: 'medical',
    ja: '医療機関一覧（CSV・Shift_JIS）',
    en: 'Medical institutions (CSV, Shift_JIS)',
  },
  'care-offices.csv': {
    format: 'csv',
    dataset: 'care',
    ja: '介護サービス事業所一覧（CSV・UTF-8）',
    en: 'Care service offices (CSV, UTF-8)',
  },
  'care-offices-sjis.csv': {
    format: 'csv-cp932',
    dataset: 'care',
    ja: '介護サービス事業所一覧（CSV・Shift_JIS）',
    en: 'Care service offices (CSV, Shift_JIS)',
  },
  'facilities.xlsx': {
    format: 'xlsx',
    ja: '全施設（Excel、施設の種類ごとのシート）',
    en: 'All facilities (Excel, one sheet per type)',
  },
  'hsds.json': { format: 'hsds', ja: 'Open Referral HSDS 3.0（JSON）', en: 'Open Referral HSDS 3.0 (JSON)' },
  'fhir-bundle.json': {
    format: 'fhir',
    ja: 'HL7 FHIR R4 Bundle（JP Core）',
    en: 'HL7 FHIR R4 Bundle (JP Core)',
  },
};

export const OpenDataFileQuery = z.strictObject({
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/** One past import, for the admin page's history. */
export const ImportSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  layout: OpenDataLayout.nullable(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  importedBy: z.string().nullable(),
  startedAt: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
export const ImportSummaryList = z.object({ items: z.array(ImportSummary) });

/** One entry of the public list of downloads. */
export const OpenDataDownload = z.object({
  file: OpenDataFile,
  format: ExportFormat,
  label: z.string(),
  labelEn: z.string(),
  url: z.string(),
});
export type OpenDataDownload = z.infer<typeof OpenDataDownload>;

export const OpenDataCatalog = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  licence: z.object({ name: z.string(), id: z.string(), url: z.string() }),
  attribution: z.string(),
  downloads: z.array(OpenDataDownload),
  facilityCount: z.number().int(),
  lastUpdated: z.string().nullable(),
});
export type OpenDataCatalog = z.infer<typeof OpenDataCatalog>;
