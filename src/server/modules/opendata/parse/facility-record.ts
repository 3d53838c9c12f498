import type { RowErrorCode } from '../../../../contracts/opendata-errors';
import type { FacilityField } from '../../../../contracts/opendata-layouts';
import { cleanAddress } from './normalise-address';
import { formatList, normaliseList } from './normalise-lists';
import { type DayCode, formatDays, normaliseDays, normaliseTimes } from './normalise-schedule';
import { cleanText, toKatakana, toLatinText } from './normalise-text';
import {
  accept,
  type FacilityStatus,
  type Normalised,
  normaliseCorporateNumber,
  normaliseCount,
  normaliseDate,
  normaliseDecimal,
  normaliseEmail,
  normaliseIdentifier,
  normaliseLatitude,
  normaliseLongitude,
  normaliseMedicalCode,
  normaliseMunicipalityCode,
  normaliseOfficeNumber,
  normalisePhone,
  normalisePostalCode,
  normaliseStatus,
  normaliseUrl,
  reject,
} from './normalise-values';

/** The value type of each field once normalised. */
export interface FieldTypes {
  municipalityCode: string | null;
  siteMunicipalityCode: string | null;
  municipalityName: string | null;
  municipalityPrefecture: string | null;
  sourceId: string | null;
  sourceNo: string | null;
  name: string | null;
  nameKana: string | null;
  nameEn: string | null;
  kind: string | null;
  serviceKind: string | null;
  townId: string | null;
  addressFull: string | null;
  prefecture: string | null;
  city: string | null;
  town: string | null;
  block: string | null;
  building: string | null;
  latitude: number | null;
  longitude: number | null;
  altitudeKind: string | null;
  altitude: number | null;
  phone: string | null;
  phoneExtension: string | null;
  fax: string | null;
  email: string | null;
  contactFormUrl: string | null;
  contactNote: string | null;
  postalCode: string | null;
  corporateNumber: string | null;
  corporationName: string | null;
  medicalInstitutionCode: string | null;
  careOfficeNumber: string | null;
  days: DayCode[];
  opensAt: string[];
  closesAt: string[];
  hoursNote: string | null;
  afterHours: string | null;
  departments: string[];
  beds: number | null;
  disasterRole: string | null;
  status: FacilityStatus;
  url: string | null;
  image: string | null;
  imageLicence: string | null;
  note: string | null;
  capacity: number | null;
  /** ISO date the publisher last checked the row. */
  confirmedOn: string | null;
}

/** A facility as one row of a file says it, every value normalised. Absent = the file has no such column. */
export type FacilityRecord = { [K in FacilityField]?: FieldTypes[K] };
export type FieldValue = FieldTypes[FacilityField];

type FieldSpec<T> = {
  read(raw: string): Normalised<T>;
  /** The cell text the exporter writes; read(write(v)) gives v back. */
  write(value: T): string;
};

const MAX_CELL = 2000;

function textField(clean: (raw: string) => string = cleanText): FieldSpec<string | null> {
  return {
    read: (raw) => {
      const text = clean(raw);
      return accept(text === '' ? null : text);
    },
    write: (value) => value ?? '',
  };
}

const numberText = (value: number | null) => (value === null ? '' : String(value));

function spec<T>(read: (raw: string) => Normalised<T>, write: (value: T) => string): FieldSpec<T> {
  return { read, write };
}

const nullable = <T>(read: (raw: string) => Normalised<T | null>) =>
  spec<T | null>(read, (value) => (value === null ? '' : String(value)));

export const FIELD_SPECS: { [K in FacilityField]: FieldSpec<FieldTypes[K]> } = {
  municipalityCode: nullable(normaliseMunicipalityCode),
  siteMunicipalityCode: nullable(normaliseMunicipalityCode),
  municipalityName: textField(),
  municipalityPrefecture: textField(),
  sourceId: nullable(normaliseIdentifier),
  sourceNo: nullable(normaliseIdentifier),
  name: textField((raw) => cleanText(raw).replace(/[\s\u3000]+/g, ' ')),
  nameKana: textField(toKatakana),
  nameEn: textField(toLatinText),
  kind: textField(),
  serviceKind: textField((raw) => cleanText(raw).replace(/[\s\u3000]+/g, '')),
  townId: nullable(normaliseIdentifier),
  addressFull: textField(cleanAddress),
  prefecture: textField(),
  city: textField(),
  town: textField(cleanAddress),
  block: textField(cleanAddress),
  building: textField(cleanAddress),
  latitude: spec(normaliseLatitude, numberText),
  longitude: spec(normaliseLongitude, numberText),
  altitudeKind: textField(),
  altitude: spec(normaliseDecimal, numberText),
  phone: nullable(normalisePhone),
  phoneExtension: nullable(normaliseIdentifier),
  fax: nullable(normalisePhone),
  email: nullable(normaliseEmail),
  contactFormUrl: nullable(normaliseUrl),
  contactNote: textField(),
  postalCode: nullable(normalisePostalCode),
  corporateNumber: nullable(normaliseCorporateNumber),
  corporationName: textField(),
  medicalInstitutionCode: nullable(normaliseMedicalCode),
  careOfficeNumber: nullable(normaliseOfficeNumber),
  days: spec(normaliseDays, formatDays),
  opensAt: spec(normaliseTimes, (times) => times.join(',')),
  closesAt: spec(normaliseTimes, (times) => times.join(',')),
  hoursNote: textField(),
  afterHours: textField(),
  departments: spec(normaliseList, formatList),
  beds: spec(normaliseCount, numberText),
  disasterRole: textField(),
  status: spec(normaliseStatus, (status) => ({ active: '', suspended: '休止', closed: '廃止' })[status]),
  url: nullable(normaliseUrl),
  image: nullable(normaliseUrl),
  imageLicence: textField(),
  note: textField(),
  capacity: spec(normaliseCount, numberText),
  confirmedOn: nullable(normaliseDate),
};

type FieldRead<K extends FacilityField> =
  | { ok: true; value: FieldTypes[K] }
  | { ok: false; code: RowErrorCode };

/** Reads one cell into its field; never throws (the fuzz test holds us to that). */
export function readField<K extends FacilityField>(field: K, raw: string): FieldRead<K> {
  if (raw.length > MAX_CELL) return reject('row.too_long');
  return FIELD_SPECS[field].read(raw);
}

export function writeField<K extends FacilityField>(field: K, value: FieldTypes[K] | undefined): string {
  if (value === undefined) return '';
  return FIELD_SPECS[field].write(value);
}
