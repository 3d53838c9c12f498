import type {
  FacilityPatch,
  FacilityPatchField,
  FieldDiff,
  OpeningHours,
} from '../../../contracts/directory';
import { fromHoursRows, toHoursRows } from './opening-hours';

/** Japanese labels of the fields, for the reviewer's diff. */
export const fieldLabels: Record<FacilityPatchField, string> = {
  name: '名称',
  kana: '名称（カナ）',
  nameEn: '名称（英語）',
  status: '状況',
  addressBlock: '所在地',
  postalCode: '郵便番号',
  location: '位置（緯度・経度）',
  phone: '電話番号',
  fax: 'FAX番号',
  email: 'メールアドレス',
  url: 'ホームページ',
  medicalInstitutionCode: '医療機関コード',
  careOfficeNumber: '介護事業所番号',
  beds: '病床数',
  departments: '診療科目',
  languages: '対応言語',
  accessibility: 'バリアフリー・設備',
  collaborationTools: '連携ツール',
  mainStationId: '本体の訪問看護ステーション',
  hours: '診療・営業時間',
  capabilities: '在宅医療・介護の対応',
};

const fieldOrder = Object.keys(fieldLabels) as FacilityPatchField[];

function normaliseHours(hours: OpeningHours): OpeningHours {
  const closures = new Map<number, Set<number>>();
  for (const c of hours.closures) {
    const set = closures.get(c.weekday) ?? new Set<number>();
    for (const n of c.nth) set.add(n);
    closures.set(c.weekday, set);
  }
  return {
    weekly: fromHoursRows(toHoursRows(hours.weekly)),
    closures: [...closures.entries()]
      .sort(([a], [b]) => a - b)
      .map(([weekday, nth]) => ({ weekday, nth: [...nth].sort((a, b) => a - b) })),
    closedOnHolidays: hours.closedOnHolidays,
    closedYearEnd: hours.closedYearEnd,
    note: hours.note?.trim() ? hours.note.trim() : null,
  };
}

/** One canonical form per value, so that equal content compares equal. */
export function normaliseChanges(changes: Partial<FacilityPatch>): Partial<FacilityPatch> {
  const out: Partial<FacilityPatch> = { ...changes };
  if (out.capabilities) out.capabilities = [...new Set(out.capabilities)].sort();
  if (out.hours) out.hours = normaliseHours(out.hours);
  if (out.postalCode) out.postalCode = out.postalCode.replace('-', '');
  for (const key of ['departments', 'languages', 'accessibility'] as const) {
    if (out[key]) out[key] = [...new Set(out[key])];
  }
  if (out.collaborationTools) out.collaborationTools = [...new Set(out.collaborationTools)].sort();
  return out;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Field-by-field differences between the current state and a (partial) change, in form order. */
export function diffChanges(current: FacilityPatch, changes: Partial<FacilityPatch>): FieldDiff[] {
  const normalisedCurrent = normaliseChanges(current) as FacilityPatch;
  const normalisedChanges = normaliseChanges(changes);
  const diffs: FieldDiff[] = [];
  for (const field of fieldOrder) {
    if (!(field in normalisedChanges)) continue;
    const before = normalisedCurrent[field];
    const after = normalisedChanges[field];
    if (canonical(before) !== canonical(after)) {
      diffs.push({ field, label: fieldLabels[field], before: before ?? null, after: after ?? null });
    }
  }
  return diffs;
}

/** 上目黒二丁目 / 上目黒2丁目 → 上目黒 (the 町丁 of the district table). */
export function stripChome(addressTown: string): string {
  return addressTown
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[0-9一二三四五六七八九十]+丁目.*$/u, '')
    .replace(/[0-9]+(-[0-9]+)*$/u, '');
}
