import { z } from 'zod';

/**
 * The directory's basic shapes: enumerations, the standard capability codes, hours, addresses and
 * the facility page. Import from `./directory`, which re-exports this file.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations

export const FacilityType = z.enum([
  'hospital',
  'clinic',
  'dental_clinic',
  'pharmacy',
  'visiting_nurse_station',
  'care_management_office',
  'community_support_center',
  'other_care_service',
]);
export type FacilityType = z.infer<typeof FacilityType>;

/** Japanese and English labels of facility types (also part of the search text). */
export const facilityTypeLabels: Record<FacilityType, { ja: string; en: string }> = {
  hospital: { ja: '病院', en: 'Hospital' },
  clinic: { ja: '診療所', en: 'Clinic' },
  dental_clinic: { ja: '歯科診療所', en: 'Dental clinic' },
  pharmacy: { ja: '薬局', en: 'Pharmacy' },
  visiting_nurse_station: { ja: '訪問看護ステーション', en: 'Visiting-nurse station' },
  care_management_office: { ja: '居宅介護支援事業所', en: 'Care-management office' },
  community_support_center: { ja: '地域包括支援センター', en: 'Community general support centre' },
  other_care_service: { ja: 'その他の介護サービス', en: 'Other care service' },
};

export const FacilityStatus = z.enum(['active', 'suspended', 'closed']);
export type FacilityStatus = z.infer<typeof FacilityStatus>;

/** Capacity signal of a home-visit service, set by the facility in one tap. */
export const CapacitySignal = z.enum(['accepting', 'waitlist', 'full']);
export type CapacitySignal = z.infer<typeof CapacitySignal>;

/** Channels a facility answers on for medical–care collaboration. */
export const CollaborationTool = z.enum(['mcs', 'denshi_renrakucho', 'vital_link', 'fax_only', 'phone_only']);
export type CollaborationTool = z.infer<typeof CollaborationTool>;
export const collaborationToolLabels: Record<CollaborationTool, { ja: string; en: string }> = {
  mcs: { ja: 'MCS', en: 'MCS' },
  denshi_renrakucho: { ja: '電子@連絡帳', en: 'Denshi@Renrakucho' },
  vital_link: { ja: 'バイタルリンク', en: 'Vital Link' },
  fax_only: { ja: 'FAXのみ', en: 'Fax only' },
  phone_only: { ja: '電話のみ', en: 'Phone only' },
};

/**
 * A capability code. The taxonomy is data (per municipality, extendable), so the schema checks
 * only the shape; the service answers `directory.unknown_capability` for a code not in the
 * municipality's taxonomy.
 */
export const CapabilityCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'capability code: lower-case letters, digits and _');
export type CapabilityCode = z.infer<typeof CapabilityCode>;

/** The 22 codes every installation starts with (issue 3 §2). */
export const standardCapabilities = [
  { code: 'home_visit', ja: '訪問診療', en: 'Scheduled home visits' },
  { code: 'house_call', ja: '往診', en: 'Urgent house calls' },
  { code: 'round_the_clock', ja: '24時間対応', en: '24-hour response' },
  { code: 'end_of_life', ja: '看取り', en: 'End-of-life care at home' },
  { code: 'palliative', ja: '緩和ケア', en: 'Palliative care' },
  { code: 'opioid_pump', ja: '医療用麻薬・注入ポンプ', en: 'Opioids and infusion pumps' },
  { code: 'sterile_compounding', ja: '無菌調剤', en: 'Sterile compounding' },
  { code: 'home_oxygen', ja: '在宅酸素', en: 'Home oxygen' },
  { code: 'ventilator', ja: '人工呼吸器', en: 'Ventilator care' },
  { code: 'parenteral_nutrition', ja: '中心静脈栄養', en: 'Parenteral nutrition' },
  { code: 'tube_feeding', ja: '胃ろう・経管栄養', en: 'Gastrostomy and tube feeding' },
  { code: 'pressure_ulcer', ja: '褥瘡', en: 'Pressure-ulcer care' },
  { code: 'pediatric', ja: '小児在宅', en: 'Paediatric home care' },
  { code: 'dementia', ja: '認知症', en: 'Dementia care' },
  { code: 'psychiatric_nursing', ja: '精神科訪問看護', en: 'Psychiatric home nursing' },
  { code: 'dental_home_visit', ja: '訪問歯科', en: 'Home-visit dentistry' },
  { code: 'oral_swallowing', ja: '口腔ケア・嚥下', en: 'Oral care and swallowing' },
  { code: 'home_medication', ja: '訪問服薬指導', en: 'Home medication guidance' },
  { code: 'home_nutrition', ja: '訪問栄養指導', en: 'Home nutrition guidance' },
  { code: 'home_rehab', ja: '訪問リハビリ', en: 'Home rehabilitation' },
  { code: 'supplies_small_units', ja: '医療材料の小分け', en: 'Medical supplies in small units' },
  { code: 'multilingual', ja: '多言語対応', en: 'Multilingual' },
] as const;
export type StandardCapabilityCode = (typeof standardCapabilities)[number]['code'];

/** A capability not confirmed for this long is shown as unconfirmed and can be excluded. */
export const STALE_AFTER_MONTHS = 12;

/**
 * Who confirmed a capability or the facility's basic data, and how: the facility itself (its
 * editor's approved change, or 「内容に変更はありません」), the ward (a staff edit), or an
 * open-data file (named, dated by the file). Only the first two count as fresh: a file says what
 * somebody published, not what the facility still offers.
 */
export const confirmationSources = ['facility', 'ward', 'open_data'] as const;
export const ConfirmationSource = z.enum(confirmationSources);
export type ConfirmationSource = z.infer<typeof ConfirmationSource>;
/** The sources the 12-month freshness filter counts. */
export const freshConfirmationSources: readonly ConfirmationSource[] = ['facility', 'ward'];

// ---------------------------------------------------------------------------------------------
// Small shared shapes

export const MunicipalityCodeParam = z.string().regex(/^\d{6}$/, '6-digit municipality code');
export const FacilityId = z.uuid();
export const LatLng = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type LatLng = z.infer<typeof LatLng>;

/** `HH:MM`, 00:00–24:00. A closing time at or before the opening time means the next day. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM');

/** Day of week as JavaScript and PostgreSQL count it: 0 = Sunday … 6 = Saturday. */
export const Weekday = z.number().int().min(0).max(6);

export const WeeklyHours = z.strictObject({
  day: Weekday,
  open: ClockTime,
  close: ClockTime,
  /** e.g. 「午後は往診のため休診」. */
  note: z.string().max(200).optional(),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Closed on the n-th weekday of each month, e.g. 第2・第4土曜休診 = { weekday: 6, nth: [2, 4] }. */
export const NthWeekdayClosure = z.strictObject({
  weekday: Weekday,
  nth: z.array(z.number().int().min(1).max(5)).min(1).max(5),
});
export type NthWeekdayClosure = z.infer<typeof NthWeekdayClosure>;

export const OpeningHours = z.strictObject({
  weekly: z.array(WeeklyHours).max(28),
  closures: z.array(NthWeekdayClosure).max(7),
  /** Closed on national holidays (祝日休診). */
  closedOnHolidays: z.boolean(),
  /** Closed 12/29–1/3 (年末年始休診). */
  closedYearEnd: z.boolean(),
  note: z.string().max(500).nullable(),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

/** The 自治体標準 address block (所在地_都道府県 / 市区町村 / 町字 / 番地以下 / 建物名等). */
export const AddressBlock = z.strictObject({
  prefecture: z.string().max(10).nullable(),
  city: z.string().max(50).nullable(),
  /** 所在地_町字, e.g. 上目黒二丁目. */
  town: z.string().max(100).nullable(),
  /** 所在地_番地以下, e.g. 12-3. */
  block: z.string().max(100).nullable(),
  building: z.string().max(200).nullable(),
});
export type AddressBlock = z.infer<typeof AddressBlock>;

export const CapacityDto = z.object({
  signal: CapacitySignal,
  /** ISO time it was set. */
  setAt: z.string(),
});
export type CapacityDto = z.infer<typeof CapacityDto>;

export const SEARCH_MAX_LIMIT = 100;
export const SEARCH_MAX_OFFSET = 10_000;
export const SEARCH_MAX_QUERY_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Facility page: GET /api/public/facilities/{id}

export const FacilityCapabilityDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** ISO time it was last confirmed (by `confirmedBy`). */
  confirmedAt: z.string(),
  confirmedBy: ConfirmationSource,
  /** The open-data file's name when `confirmedBy` is `open_data`. */
  confirmedFile: z.string().nullable(),
  /**
   * Does not count as confirmed: older than 12 months, or known only from an open-data file (the
   * freshness filter leaves it out).
   */
  stale: z.boolean(),
});
export type FacilityCapabilityDto = z.infer<typeof FacilityCapabilityDto>;

export const FacilityRef = z.object({ id: z.string(), name: z.string() });

export const FacilityDetail = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  type: FacilityType,
  status: FacilityStatus,
  name: z.string(),
  kana: z.string().nullable(),
  nameEn: z.string().nullable(),
  address: z.string(),
  addressBlock: AddressBlock,
  postalCode: z.string().nullable(),
  town: z.string().nullable(),
  district: z.string().nullable(),
  districtName: z.string().nullable(),
  location: LatLng.nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  /** 医療機関コード (10 digits). */
  medicalInstitutionCode: z.string().nullable(),
  /** 介護事業所番号 (10 digits). */
  careOfficeNumber: z.string().nullable(),
  beds: z.number().int().nullable(),
  departments: z.array(z.string()),
  languages: z.array(z.string()),
  accessibility: z.array(z.string()),
  collaborationTools: z.array(CollaborationTool),
  /** For a satellite visiting-nurse station: its main station. */
  mainStation: FacilityRef.nullable(),
  satellites: z.array(FacilityRef),
  hours: OpeningHours,
  capabilities: z.array(FacilityCapabilityDto),
  capacity: CapacityDto.nullable(),
  /** ISO time the basic data (name, address, contact, hours) was last confirmed. */
  lastConfirmedAt: z.string().nullable(),
  /** Who confirmed the basic data; null when it never was. */
  lastConfirmedBy: ConfirmationSource.nullable(),
  /** The open-data file's name when `lastConfirmedBy` is `open_data`. */
  lastConfirmedFile: z.string().nullable(),
  updatedAt: z.string(),
  /** Optimistic-concurrency version: send it back with a change. */
  version: z.number().int(),
  /** Synthetic demo record (not a real facility). */
  isDemo: z.boolean(),
});
export type FacilityDetail = z.infer<typeof FacilityDetail>;
