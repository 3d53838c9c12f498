import type { ImportRowError, OpenDataLayout } from '../../../../contracts/opendata';
import { FACILITY_FIELDS, type FacilityField } from '../../../../contracts/opendata-layouts';
import {
  careTypeOf,
  type FacilityType,
  feeScheduleDigit,
  medicalTypeOf,
  serviceFromFileName,
} from './facility-kinds';
import type { FacilityRecord, FieldTypes } from './facility-record';
import { completeAddress, splitAddress } from './normalise-address';
import { cleanText } from './normalise-text';
import { isPrefectureCode } from './normalise-values';
import { prefectureOfCode } from './prefectures';
import { type ReadRow, rowError } from './row-reading';

/** What a facility row says, in the fields we compare and write (plus its type). */
export type FacilityContent = Partial<FieldTypes> & { type: FacilityType };

export type MunicipalityInfo = { name: string; prefecture: string };

export type ResolveContext = {
  layout: OpenDataLayout;
  fileName: string;
  /**
   * `--municipality` (the admin's own on the web): rows without a municipality of their own, or
   * with only a prefecture code, go there; rows of other municipalities are skipped.
   */
  municipalityOverride?: string;
  /** Municipalities the installation has. */
  knownMunicipality(code: string): MunicipalityInfo | undefined;
};

export type ResolvedRow = {
  line: number;
  municipalityCode: string;
  /** Name and prefecture as the file gives them (to add a municipality the installation lacks). */
  municipalityFromFile: { name: string | null; prefecture: string | null };
  type: FacilityType;
  /** `mic:<10 digits>` · `care:<事業所番号>:<サービス>` · `id:<the file's ID>`. */
  matchKey: string;
  /** The file's own ID with its family (`med:H001`), kept so a later file can match by it. */
  sourceId: string | null;
  /** The municipality's name used to complete and split the address. */
  cityName: string | null;
  /** What came with the bed count (`19（休床中）` → `休床中`), kept beside the number. */
  bedsNote: string | null;
  /** The import hashes it (contentHash) where it plans the row: see planGroup in import-batch.ts. */
  content: FacilityContent;
  /**
   * The row's cells as read (non-empty ones, by header) as JSON text, what facilities.raw keeps:
   * one string crosses from the reading worker far more cheaply than an object of cells.
   */
  rawJson: string;
};

/** The cells of a resolved row (to show a row the engine rejects). */
export function rawCells(row: Pick<ResolvedRow, 'rawJson'>): Record<string, string> {
  return JSON.parse(row.rawJson) as Record<string, string>;
}

// Fields that say who published the file, not what the facility is: never compared or written.
const BOOKKEEPING = new Set<FacilityField>([
  'municipalityCode',
  'siteMunicipalityCode',
  'municipalityName',
  'municipalityPrefecture',
  'sourceId',
  'sourceNo',
  'kind',
]);
const ADDRESS_PARTS: FacilityField[] = ['prefecture', 'city', 'town', 'block'];
export const CARE_LAYOUTS: readonly OpenDataLayout[] = ['care_recommended', 'mhlw_care_service'];

/**
 * Derives what the engine needs from a read row: municipality, type, match key, completed address,
 * 10-digit 医療機関コード. Adds errors to the row instead of throwing.
 */
export function resolveRow(row: ReadRow, ctx: ResolveContext): ResolvedRow | undefined {
  const { record, line, headerOf } = row;
  const errors = row.errors;
  const col = (field: FacilityField) => headerOf[field] ?? null;
  if (!record.name) errors.push(rowError(line, col('name'), 'row.required'));
  if ((record.latitude == null) !== (record.longitude == null)) {
    // A side is also empty when its cell was filled but unreadable: that cell's own error
    // (row.invalid_latitude / _longitude) says what is wrong, "give both or neither" would not.
    const missing = col(record.latitude == null ? 'latitude' : 'longitude');
    if (!errors.some((e) => e.line === line && e.column === missing)) {
      errors.push(rowError(line, missing, 'row.half_location'));
    }
  }
  const municipalityCode = resolveMunicipality(row, ctx, errors);
  const type = resolveType(row, ctx, errors);
  if (!municipalityCode || !type || errors.length > 0) return undefined;

  const content = contentOf(record, type, ctx.layout);
  const info = municipalityInfo(row.record, municipalityCode, ctx);
  completeAddressFields(content, ctx.layout, info);
  if (content.medicalInstitutionCode?.length === 7) {
    const digit = feeScheduleDigit(type);
    if (digit)
      content.medicalInstitutionCode = municipalityCode.slice(0, 2) + digit + content.medicalInstitutionCode;
  }
  const matchKey = matchKeyOf(content, record, ctx.layout);
  if (!matchKey) {
    errors.push(rowError(line, null, 'row.no_key'));
    return undefined;
  }
  return {
    line,
    municipalityCode,
    municipalityFromFile: namesApply(record, municipalityCode)
      ? fileMunicipalityNames(record, municipalityCode)
      : { name: null, prefecture: prefectureOfCode(municipalityCode) ?? null },
    type,
    matchKey,
    sourceId: matchKey.startsWith('id:') ? matchKey.slice(3) : sourceIdOf(record, ctx.layout),
    cityName: info?.name ?? null,
    bedsNote: bedsNoteOf(row.raw[headerOf.beds ?? ''], record.beds),
    content,
    rawJson: JSON.stringify(row.raw),
  };
}

/**
 * With a municipality given, the row's own municipality when the file places it in another one
 * (a national file filtered to one municipality). Such a row is skipped before it is checked: a
 * fault in another municipality's row must not stop this one's import.
 */
export function otherMunicipalityOf(row: ReadRow, ctx: ResolveContext): string | undefined {
  if (!ctx.municipalityOverride) return undefined;
  const site = row.record.siteMunicipalityCode;
  const code = site && !isPrefectureCode(site) ? site : row.record.municipalityCode;
  if (!code || isPrefectureCode(code)) return undefined;
  return code === ctx.municipalityOverride ? undefined : code;
}

function resolveMunicipality(
  row: ReadRow,
  ctx: ResolveContext,
  errors: ImportRowError[],
): string | undefined {
  const { record, line, headerOf } = row;
  if (ctx.municipalityOverride) return ctx.municipalityOverride;
  const site = record.siteMunicipalityCode;
  if (site && !isPrefectureCode(site)) return site;
  const code = record.municipalityCode;
  const column = headerOf.municipalityCode ?? null;
  // An invalid code was already reported by the field reader.
  if (code === undefined || (code === null && errors.some((e) => e.column === column))) return undefined;
  if (code === null) {
    errors.push(rowError(line, column, 'row.required'));
    return undefined;
  }
  if (isPrefectureCode(code)) {
    errors.push(rowError(line, column, 'row.municipality_required', code));
    return undefined;
  }
  return code;
}

function resolveType(row: ReadRow, ctx: ResolveContext, errors: ImportRowError[]): FacilityType | undefined {
  const { record, line, headerOf } = row;
  if (CARE_LAYOUTS.includes(ctx.layout)) {
    const service = record.serviceKind ?? serviceFromFileName(ctx.fileName);
    if (!service) {
      errors.push(rowError(line, headerOf.serviceKind ?? null, 'row.required'));
      return undefined;
    }
    record.serviceKind = service;
    return careTypeOf(service);
  }
  if (!record.kind) {
    errors.push(rowError(line, headerOf.kind ?? null, 'row.required'));
    return undefined;
  }
  const type = medicalTypeOf(record.kind);
  if (!type) errors.push(rowError(line, headerOf.kind ?? null, 'row.invalid_facility_kind', record.kind));
  return type;
}

// Content fields in one fixed order (so the hash and the comparison see the same shape every time).
const CONTENT_FIELDS = FACILITY_FIELDS.filter((field) => !BOOKKEEPING.has(field));

function contentOf(record: FacilityRecord, type: FacilityType, layout: OpenDataLayout): FacilityContent {
  const content: Record<string, unknown> = { type };
  const source = record as Record<string, unknown>;
  for (const field of CONTENT_FIELDS) {
    const value = source[field];
    if (value !== undefined) content[field] = value;
  }
  if (CARE_LAYOUTS.includes(layout)) content.serviceKind = record.serviceKind ?? null;
  return content as FacilityContent;
}

/** The file's municipality names describe `code` only when the file's own code is that one. */
function namesApply(record: FacilityRecord, code: string): boolean {
  const fileCodes = [record.siteMunicipalityCode, record.municipalityCode].filter(Boolean);
  return fileCodes.length === 0 || fileCodes.includes(code);
}

function municipalityInfo(
  record: FacilityRecord,
  code: string,
  ctx: ResolveContext,
): MunicipalityInfo | undefined {
  const known = ctx.knownMunicipality(code);
  if (known) return known;
  if (!namesApply(record, code)) return undefined;
  const names = fileMunicipalityNames(record, code);
  return names.name && names.prefecture ? { name: names.name, prefecture: names.prefecture } : undefined;
}

/** The municipality's name as the file writes it: 市区町村名 / 地方公共団体名, or the site's city. */
function fileMunicipalityNames(record: FacilityRecord, code: string) {
  const siteDiffers = record.siteMunicipalityCode === code && record.municipalityCode !== code;
  const name = (siteDiffers ? record.city : (record.municipalityName ?? record.city)) ?? null;
  const prefecture = prefectureOfCode(code) ?? record.prefecture ?? record.municipalityPrefecture ?? null;
  return { name: name && name !== prefecture ? name : null, prefecture };
}

/**
 * Layouts with address blocks keep them (blocks left empty are filled from the municipality, or
 * from 所在地_連結表記); single-column layouts keep one full address, completed when the file
 * leaves out the prefecture or city.
 */
function completeAddressFields(
  content: FacilityContent,
  layout: OpenDataLayout,
  info: MunicipalityInfo | undefined,
) {
  const hasParts = layout === 'medical_standard';
  if (!hasParts) {
    if (content.addressFull) {
      content.addressFull = completeAddress(
        content.addressFull,
        info?.prefecture ?? null,
        info?.name ?? null,
      );
    }
    return;
  }
  const full = content.addressFull;
  delete content.addressFull;
  if (!content.town && !content.block && full) {
    const completed = completeAddress(full, info?.prefecture ?? null, info?.name ?? null);
    Object.assign(content, splitAddress(completed, info?.name ?? null));
  }
  if (content.town || content.block) {
    content.prefecture ??= info?.prefecture ?? null;
    content.city ??= info?.name ?? null;
  }
  for (const part of ADDRESS_PARTS) (content as Record<string, unknown>)[part] ??= null;
}

function matchKeyOf(
  content: FacilityContent,
  record: FacilityRecord,
  layout: OpenDataLayout,
): string | undefined {
  if (!CARE_LAYOUTS.includes(layout) && content.medicalInstitutionCode)
    return `mic:${content.medicalInstitutionCode}`;
  if (CARE_LAYOUTS.includes(layout) && content.careOfficeNumber) {
    return `care:${content.careOfficeNumber}:${content.serviceKind ?? ''}`;
  }
  // A medical list and a care list may both number their rows from 1: IDs are kept apart by family.
  const id = record.sourceId ?? record.sourceNo;
  return id ? `id:${CARE_LAYOUTS.includes(layout) ? 'care' : 'med'}:${id}` : undefined;
}

function sourceIdOf(record: FacilityRecord, layout: OpenDataLayout): string | null {
  const id = record.sourceId ?? record.sourceNo;
  return id ? `${CARE_LAYOUTS.includes(layout) ? 'care' : 'med'}:${id}` : null;
}

/** The words around a bed count, without brackets: `19（休床中）` → `休床中`; a plain number has none. */
function bedsNoteOf(raw: string | undefined, beds: number | null | undefined): string | null {
  if (raw === undefined || beds == null) return null;
  const note = cleanText(raw)
    .replace(/^[0-9０-９]+\s*床?/, '')
    .replace(/^[（(]\s*|\s*[）)]$/g, '')
    .trim();
  return note === '' ? null : note;
}
