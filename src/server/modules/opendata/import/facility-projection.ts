import type { FacilityField } from '../../../../contracts/opendata-layouts';
import { defaultServiceLabel, type FacilityType, MEDICAL_TYPES } from '../parse/facility-kinds';
import { type FacilityRecord, FIELD_SPECS, type FieldTypes } from '../parse/facility-record';
import { joinAddress } from '../parse/normalise-address';
import { DAY_CODES, type DayCode } from '../parse/normalise-schedule';
import type { FacilityContent } from '../parse/row-resolution';
import { serviceLabelOf } from './care-service-codes';
import type { FacilityState } from './facility-state';

/** Fields the directory has no column for: kept in opendata_facility_sources.extras. */
export const EXTRA_FIELDS: readonly FacilityField[] = [
  'townId',
  'altitudeKind',
  'altitude',
  'phoneExtension',
  'contactFormUrl',
  'contactNote',
  'corporateNumber',
  'corporationName',
  'afterHours',
  'disasterRole',
  'image',
  'imageLicence',
  'note',
  'capacity',
];

/** The schedule as the file wrote it is kept too, so days without times survive a round trip. */
export const SCHEDULE_FIELDS = ['days', 'opensAt', 'closesAt'] as const;

// Directory weekdays count from Sunday (0); the standard lists days from Monday.
const WEEKDAY_OF: Record<Exclude<DayCode, 'holiday'>, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
const DAY_OF_WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export type Schedule = { days: DayCode[]; opensAt: string[]; closesAt: string[] };
export type HoursRow = { day: number; open: string; close: string };

/** File schedule → weekly rows: every listed day gets every (open, close) pair. */
export function scheduleRows(schedule: Schedule): HoursRow[] {
  const pairs = Math.min(schedule.opensAt.length, schedule.closesAt.length);
  const rows: HoursRow[] = [];
  for (const day of schedule.days) {
    if (day === 'holiday') continue;
    for (let i = 0; i < pairs; i++) {
      rows.push({ day: WEEKDAY_OF[day], open: schedule.opensAt[i]!, close: schedule.closesAt[i]! });
    }
  }
  return rows;
}

function clock(minutes: number): string {
  if (minutes === 1440) return '24:00';
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Minutes of a normalised `HH:MM` time (hours may pass 24); no arrays: it runs for every weekly row. */
export function minutes(time: string): number {
  const colon = time.indexOf(':');
  if (colon < 0) return Number(time) * 60;
  return Number(time.slice(0, colon)) * 60 + Number(time.slice(colon + 1));
}

/** Rows as stored (close after midnight counted past 1440), for comparing with a file schedule. */
function storedForm(rows: HoursRow[]): string {
  const keyed = new Map<string, string>();
  for (const r of rows) {
    const open = minutes(r.open);
    if (open >= 1440) continue;
    let close = minutes(r.close);
    if (close <= open) close += 1440;
    keyed.set(`${r.day}:${open}`, `${r.day}:${open}:${close}`);
  }
  return [...keyed.values()].sort().join(' ');
}

/**
 * The facility's schedule in the standard's shape. The file's own form is used while the stored
 * hours still match it; otherwise it is derived: the days with hours, and the hours most days share.
 */
export function scheduleOf(state: FacilityState): Schedule {
  const holiday: DayCode[] = state.closed_on_holidays ? [] : ['holiday'];
  const stored = state.hours.map(([day, open, close]) => ({ day, open: clock(open), close: clock(close) }));
  const extras = state.extras;
  // Care lists give days without times: those days live only in the extras.
  if (extras?.days) {
    const given = { days: extras.days, opensAt: extras.opensAt ?? [], closesAt: extras.closesAt ?? [] };
    const sameHoliday = given.days.includes('holiday') === !state.closed_on_holidays;
    if (sameHoliday && storedForm(scheduleRows(given)) === storedForm(stored)) return given;
  }
  const byDay = new Map<number, HoursRow[]>();
  for (const row of stored) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  const patterns = new Map<string, { count: number; rows: HoursRow[] }>();
  for (const dayRows of byDay.values()) {
    const key = dayRows.map((r) => `${r.open}-${r.close}`).join(',');
    const entry = patterns.get(key) ?? { count: 0, rows: dayRows };
    entry.count++;
    patterns.set(key, entry);
  }
  const common = [...patterns.values()].sort((a, b) => b.count - a.count)[0];
  const days = DAY_CODES.filter(
    (d) => d !== 'holiday' && byDay.has(WEEKDAY_OF[d as Exclude<DayCode, 'holiday'>]),
  );
  return {
    days: [...days, ...holiday],
    opensAt: common?.rows.map((r) => r.open) ?? [],
    closesAt: common?.rows.map((r) => r.close) ?? [],
  };
}

export { DAY_OF_WEEKDAY };

/** A value as the file reader would give it back: the write → read round trip of its field. */
function normalised<K extends FacilityField>(field: K, value: FieldTypes[K]): FieldTypes[K] | string {
  const text = FIELD_SPECS[field].write(value);
  const read = FIELD_SPECS[field].read(text);
  // A stored value our reader refuses compares as its text: it differs from any valid file value.
  return read.ok ? read.value : text;
}

/** 実施サービス of a care facility: as recorded, or what its type implies (what the export writes). */
export function serviceKindOf(state: Pick<FacilityState, 'type' | 'care_service_type'>): string | null {
  if (state.care_service_type) return serviceLabelOf(state.care_service_type);
  return MEDICAL_TYPES.includes(state.type) ? null : defaultServiceLabel(state.type);
}

/**
 * Everything a file could say about the facility, in the normalised form the reader produces.
 * The exporter skips the normalising (`normalise: false`): the importer normalises both sides
 * before it compares, so the stored values can be written as they are.
 */
export function projectFacility(state: FacilityState, normalise = true): FacilityContent & FacilityRecord {
  const schedule = scheduleOf(state);
  const parts = {
    prefecture: state.address_prefecture,
    city: state.address_city,
    town: state.address_town,
    block: state.address_block,
  };
  const full = joinAddress(parts);
  const stored: FacilityRecord = {
    name: state.name,
    nameKana: state.name_kana,
    nameEn: state.name_en,
    serviceKind: serviceKindOf(state),
    addressFull: full === '' ? null : full,
    ...parts,
    building: state.address_building,
    latitude: state.lat,
    longitude: state.lng,
    phone: state.phone,
    fax: state.fax,
    email: state.email,
    url: state.url,
    postalCode: state.postal_code,
    medicalInstitutionCode: state.medical_institution_code,
    careOfficeNumber: state.care_office_number,
    ...schedule,
    hoursNote: state.hours_note,
    departments: state.departments,
    beds: state.beds,
    status: state.status,
    confirmedOn: state.last_confirmed_at ? tokyoDate(state.last_confirmed_at) : null,
  };
  for (const field of EXTRA_FIELDS) {
    (stored as Record<string, unknown>)[field] =
      (state.extras as Record<string, unknown> | null)?.[field] ?? null;
  }
  const projected: FacilityContent & FacilityRecord = { type: state.type };
  for (const [field, value] of Object.entries(stored) as Array<[FacilityField, never]>) {
    (projected as Record<string, unknown>)[field] = normalise ? normalised(field, value) : value;
  }
  return projected;
}

function tokyoDate(value: Date | string): string {
  return new Date(new Date(value).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Fields of `content` whose value differs from the facility's (`type` included). A file's check
 * date counts only when it is newer: an older list never makes a facility look less recently checked.
 */
export function changedFields(content: FacilityContent, current: FacilityContent): string[] {
  const changed: string[] = [];
  for (const [field, value] of Object.entries(content)) {
    const before = (current as Record<string, unknown>)[field];
    if (field === 'confirmedOn') {
      if (typeof value === 'string' && (typeof before !== 'string' || value > before)) changed.push(field);
      continue;
    }
    if (stableJson(value) !== stableJson(before ?? null)) changed.push(field);
  }
  return changed;
}

function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value) || value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export type { FacilityType };
