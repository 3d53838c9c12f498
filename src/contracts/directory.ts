import { z } from 'zod';
import { defineErrors } from './errors';

/**
 * The resource directory (医療介護資源情報提供システム): every shape the public search API, the
 * facility page, the staff review queue and the statistics dashboard exchange. Server and web
 * both import from here; keep it stable (add fields, do not rename them).
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

// ---------------------------------------------------------------------------------------------
// Public search: GET /api/public/facilities

const booleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** One value or a repeated query parameter, always an array after parsing. */
const repeated = <T extends z.ZodType>(item: T, max: number) =>
  z
    .union([item, z.array(item).max(max)])
    .optional()
    .transform((v): Array<z.output<T>> => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** `LAT,LNG` in decimal degrees, inside the globe. */
export const NearParam = z
  .string()
  .max(60)
  .transform((value, ctx) => {
    const match = /^\s*(-?\d{1,3}(?:\.\d{1,20})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,20})?)\s*$/.exec(value);
    const lat = Number(match?.[1]);
    const lng = Number(match?.[2]);
    if (!match || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
      ctx.addIssue({ code: 'custom', message: 'near: LAT,LNG with -90≤LAT≤90 and -180≤LNG≤180' });
      return z.NEVER;
    }
    return { lat, lng };
  });

export const SearchSort = z.enum(['relevance', 'distance', 'kana']);
export type SearchSort = z.infer<typeof SearchSort>;

export const SEARCH_MAX_LIMIT = 100;
export const SEARCH_MAX_OFFSET = 10_000;
export const SEARCH_MAX_QUERY_LENGTH = 200;

export const FacilitySearchQuery = z.object({
  /** Defaults to the installation's default municipality. */
  municipality: MunicipalityCodeParam.optional(),
  /** Free text; whitespace separates keywords that must all match. */
  q: z.string().max(SEARCH_MAX_QUERY_LENGTH).optional(),
  /** Repeatable; types combine with OR. */
  type: repeated(FacilityType, 8),
  /** Repeatable; capabilities combine with AND. */
  capability: repeated(CapabilityCode, 22),
  /** District code from GET /api/public/districts. */
  district: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  /** 町丁 name as in GET /api/public/districts (e.g. 上目黒). */
  town: z.string().min(1).max(50).optional(),
  /** Open at this moment (Asia/Tokyo rules, holidays included). Without offset it is Tokyo time. */
  openAt: z.iso.datetime({ offset: true, local: true }).optional(),
  /** Only facilities whose capacity signal is `accepting`. */
  accepting: booleanParam.optional(),
  near: NearParam.optional(),
  /** Requires `near`. */
  radiusM: z.coerce.number().int().min(1).max(100_000).optional(),
  /**
   * relevance: keyword in the name first, then kana order (with `near` and no keyword: distance);
   * distance: needs `near`; kana: gojūon order of the reading.
   */
  sort: SearchSort.default('relevance'),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(20),
  offset: z.coerce.number().int().min(0).max(SEARCH_MAX_OFFSET).default(0),
  /** Ignore capabilities not confirmed for 12 months when filtering and counting. */
  excludeStale: booleanParam.optional(),
});
export type FacilitySearchQuery = z.output<typeof FacilitySearchQuery>;

export const CapacityDto = z.object({
  signal: CapacitySignal,
  /** ISO time it was set. */
  setAt: z.string(),
});
export type CapacityDto = z.infer<typeof CapacityDto>;

export const FacilitySearchItem = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string().nullable(),
  type: FacilityType,
  /** Joined address (都道府県 市区町村 町字 番地以下 建物名). */
  address: z.string(),
  /** District code (see GET /api/public/districts) or null when the 町丁 is not mapped. */
  district: z.string().nullable(),
  districtName: z.string().nullable(),
  town: z.string().nullable(),
  phone: z.string().nullable(),
  location: LatLng.nullable(),
  /** Codes of the capabilities (when `excludeStale` is set, only confirmed ones). */
  capabilities: z.array(z.string()),
  capacity: CapacityDto.nullable(),
  /** Metres from `near`, present only when `near` was given. */
  distanceM: z.number().int().optional(),
});
export type FacilitySearchItem = z.infer<typeof FacilitySearchItem>;

/**
 * Facet counts (key → number of facilities). `type` ignores the type filter and `district` the
 * district filter (so the other choices stay visible); `capability` applies every filter.
 */
export const SearchFacets = z.object({
  type: z.record(z.string(), z.number().int()),
  capability: z.record(z.string(), z.number().int()),
  district: z.record(z.string(), z.number().int()),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const FacilitySearchResponse = z.object({
  total: z.number().int(),
  items: z.array(FacilitySearchItem),
  facets: SearchFacets,
});
export type FacilitySearchResponse = z.infer<typeof FacilitySearchResponse>;

// ---------------------------------------------------------------------------------------------
// Facility page: GET /api/public/facilities/{id}

export const FacilityCapabilityDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** ISO time the facility last confirmed it. */
  confirmedAt: z.string(),
  /** Not confirmed for more than 12 months. */
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
  /** ISO time of the last confirmation of the entry as a whole. */
  lastConfirmedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Optimistic-concurrency version: send it back with a change. */
  version: z.number().int(),
  /** Synthetic demo record (not a real facility). */
  isDemo: z.boolean(),
});
export type FacilityDetail = z.infer<typeof FacilityDetail>;

// ---------------------------------------------------------------------------------------------
// Taxonomy, districts, geocoding

export const CapabilityDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** Facility types it usually applies to (for showing relevant filters first). */
  facilityTypes: z.array(FacilityType),
  sortOrder: z.number().int(),
});
export type CapabilityDto = z.infer<typeof CapabilityDto>;
export const CapabilityListResponse = z.object({ items: z.array(CapabilityDto) });
export type CapabilityListResponse = z.infer<typeof CapabilityListResponse>;

export const TownDto = z.object({
  name: z.string(),
  kana: z.string().nullable(),
  postalCode: z.string().nullable(),
  location: LatLng.nullable(),
});
export const DistrictDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  towns: z.array(TownDto),
});
export type DistrictDto = z.infer<typeof DistrictDto>;
export const DistrictListResponse = z.object({ items: z.array(DistrictDto) });
export type DistrictListResponse = z.infer<typeof DistrictListResponse>;

export const MunicipalityQuery = z.object({ municipality: MunicipalityCodeParam.optional() });

export const GeocodeQuery = z.object({
  municipality: MunicipalityCodeParam.optional(),
  /** A 町丁 name (上目黒, 上目黒二丁目, かみめぐろ) or a postal code (153-0051, 1530051). */
  q: z.string().min(1).max(100),
});
export const GeocodeResponse = z.object({
  town: z.string(),
  postalCode: z.string().nullable(),
  district: z.string().nullable(),
  location: LatLng,
  /** Always true: a town centroid, not a street address. */
  approximate: z.literal(true),
});
export type GeocodeResponse = z.infer<typeof GeocodeResponse>;

// ---------------------------------------------------------------------------------------------
// Writes: change requests (facility_editor), direct edits (ward_admin), capacity, reports

/** Every field a change may touch. Omitted fields stay as they are. */
export const FacilityPatch = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kana: z.string().trim().max(200).nullable(),
  nameEn: z.string().trim().max(200).nullable(),
  status: FacilityStatus,
  addressBlock: AddressBlock,
  postalCode: z
    .string()
    .regex(/^\d{3}-?\d{4}$/)
    .nullable(),
  location: LatLng.nullable(),
  phone: z.string().max(30).nullable(),
  fax: z.string().max(30).nullable(),
  email: z.email().max(200).nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  medicalInstitutionCode: z
    .string()
    .regex(/^\d{10}$/)
    .nullable(),
  careOfficeNumber: z
    .string()
    .regex(/^\d{10}$/)
    .nullable(),
  beds: z.number().int().min(0).max(10_000).nullable(),
  departments: z.array(z.string().trim().min(1).max(50)).max(60),
  languages: z.array(z.string().trim().min(1).max(30)).max(30),
  accessibility: z.array(z.string().trim().min(1).max(100)).max(30),
  collaborationTools: z.array(CollaborationTool).max(5),
  mainStationId: FacilityId.nullable(),
  hours: OpeningHours,
  /** Capability codes the facility offers; sending them confirms them (dates refresh). */
  capabilities: z.array(CapabilityCode).max(60),
});
export type FacilityPatch = z.infer<typeof FacilityPatch>;
export type FacilityPatchField = keyof FacilityPatch;

export const FacilityChangeRequestBody = z.strictObject({
  /** The `version` of the facility the editor started from. */
  baseVersion: z.number().int().min(1),
  changes: FacilityPatch.partial().refine((c) => Object.keys(c).length > 0, 'changes: at least one field'),
  note: z.string().max(1000).optional(),
});
export type FacilityChangeRequestBody = z.infer<typeof FacilityChangeRequestBody>;

/** ward_admin edits directly (applied at once, recorded in the history). */
export const FacilityUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  changes: FacilityPatch.partial().refine((c) => Object.keys(c).length > 0, 'changes: at least one field'),
});
export type FacilityUpdateBody = z.infer<typeof FacilityUpdateBody>;

export const FacilityCreateBody = FacilityPatch.partial()
  .extend({ name: FacilityPatch.shape.name, type: FacilityType })
  .strict();
export type FacilityCreateBody = z.infer<typeof FacilityCreateBody>;

export const CapacityUpdateBody = z.strictObject({ signal: CapacitySignal });
export type CapacityUpdateBody = z.infer<typeof CapacityUpdateBody>;

/** A resident's error report: no personal data asked for. */
export const ErrorReportCategory = z.enum(['phone', 'address', 'hours', 'closed', 'capabilities', 'other']);
export type ErrorReportCategory = z.infer<typeof ErrorReportCategory>;
export const ErrorReportBody = z.strictObject({
  category: ErrorReportCategory,
  message: z.string().trim().min(1).max(2000),
});
export type ErrorReportBody = z.infer<typeof ErrorReportBody>;
export const ErrorReportResponse = z.object({ id: z.string(), status: z.literal('pending') });

export const ChangeRequestSource = z.enum(['editor', 'resident_report']);
export type ChangeRequestSource = z.infer<typeof ChangeRequestSource>;
export const ChangeRequestStatus = z.enum(['pending', 'approved', 'rejected']);
export type ChangeRequestStatus = z.infer<typeof ChangeRequestStatus>;

export const ReviewDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), reason: z.string().trim().max(1000).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(1000) }),
]);
export type ReviewDecisionBody = z.infer<typeof ReviewDecisionBody>;

export const FieldDiff = z.object({
  field: z.string(),
  /** Japanese label of the field. */
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldDiff = z.infer<typeof FieldDiff>;

export const ChangeRequestDto = z.object({
  id: z.string(),
  facility: FacilityRef,
  source: ChangeRequestSource,
  status: ChangeRequestStatus,
  /** Editor requests: the facility version they started from. */
  baseVersion: z.number().int().nullable(),
  /** Facility version now; a difference means approval will answer directory.version_conflict. */
  currentVersion: z.number().int(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().nullable(),
  reportCategory: ErrorReportCategory.nullable(),
  reportMessage: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ChangeRequestDto = z.infer<typeof ChangeRequestDto>;

export const ChangeRequestDetail = ChangeRequestDto.extend({ diff: z.array(FieldDiff) });
export type ChangeRequestDetail = z.infer<typeof ChangeRequestDetail>;

export const ChangeRequestListQuery = z.object({
  status: ChangeRequestStatus.optional(),
  source: ChangeRequestSource.optional(),
  facilityId: FacilityId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const ChangeRequestListResponse = z.object({
  total: z.number().int(),
  items: z.array(ChangeRequestDto),
});
export type ChangeRequestListResponse = z.infer<typeof ChangeRequestListResponse>;

export const HistorySource = z.enum(['editor', 'admin', 'import', 'capacity', 'confirm', 'create']);
export const FacilityHistoryEntry = z.object({
  id: z.number().int(),
  version: z.number().int(),
  source: HistorySource,
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  changeRequestId: z.string().nullable(),
  /** field → { before, after } */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type FacilityHistoryEntry = z.infer<typeof FacilityHistoryEntry>;
export const FacilityHistoryResponse = z.object({ items: z.array(FacilityHistoryEntry) });

/** Facilities a facility_editor may edit, with the newest state of each. */
export const MyFacilitiesResponse = z.object({
  items: z.array(FacilityDetail.extend({ pendingRequests: z.number().int() })),
});

/** One-click "still correct" from the reminder mail. */
export const ConfirmResponse = z.object({
  facilityId: z.string(),
  name: z.string(),
  confirmedAt: z.string(),
  capabilities: z.number().int(),
});
export type ConfirmResponse = z.infer<typeof ConfirmResponse>;
/** Web page the reminder mail links to; it POSTs to /api/public/confirm/{token} on a button press. */
export const confirmPagePath = (token: string) => `/directory/confirm/${token}`;

export const ReminderRunBody = z.strictObject({ dryRun: z.boolean().default(false) });
export const ReminderRunResponse = z.object({
  facilities: z.number().int(),
  mailsQueued: z.number().int(),
  skippedWithoutEmail: z.number().int(),
});
export type ReminderRunResponse = z.infer<typeof ReminderRunResponse>;

// ---------------------------------------------------------------------------------------------
// Statistics without personal data

/** Beacon sent by the public pages: POST /api/public/events (answered 204, bots ignored). */
export const DirectoryEventBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('facility_view'), facilityId: FacilityId }),
  z.strictObject({
    kind: z.literal('search'),
    municipality: MunicipalityCodeParam.optional(),
    q: z.string().max(SEARCH_MAX_QUERY_LENGTH).optional(),
    types: z.array(FacilityType).max(8).default([]),
    capabilities: z.array(CapabilityCode).max(22).default([]),
    district: z.string().max(40).optional(),
    /** `total` of the search response the page showed. */
    resultCount: z.number().int().min(0).max(10_000_000),
  }),
]);
export type DirectoryEventBody = z.infer<typeof DirectoryEventBody>;

export const StatsRangeQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const StatsViewsQuery = StatsRangeQuery.extend({
  period: z.enum(['month', 'fiscal_year']).default('month'),
});
export const StatsViewsRow = z.object({
  /** `2024-04` for a month, `2024` for the fiscal year starting April 2024. */
  key: z.string(),
  /** `2024年4月` / `令和6年度`. */
  label: z.string(),
  facilityViews: z.number().int(),
  searches: z.number().int(),
});
export const StatsViewsResponse = z.object({
  period: z.enum(['month', 'fiscal_year']),
  rows: z.array(StatsViewsRow),
  total: z.object({ facilityViews: z.number().int(), searches: z.number().int() }),
});
export type StatsViewsResponse = z.infer<typeof StatsViewsResponse>;

export const StatsTopQuery = StatsRangeQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const StatsFacilitiesResponse = z.object({
  rows: z.array(
    z.object({ facilityId: z.string(), name: z.string(), type: FacilityType, views: z.number().int() }),
  ),
});
export type StatsFacilitiesResponse = z.infer<typeof StatsFacilitiesResponse>;

/** Only queries searched at least this often are listed (a rare query could identify someone). */
export const TOP_SEARCH_MIN_COUNT = 3;
export const StatsSearchesResponse = z.object({
  rows: z.array(z.object({ query: z.string(), count: z.number().int(), zeroResults: z.number().int() })),
});
export type StatsSearchesResponse = z.infer<typeof StatsSearchesResponse>;

export const StatsZeroResultsResponse = z.object({
  byDistrict: z.array(
    z.object({ district: z.string().nullable(), name: z.string(), count: z.number().int() }),
  ),
  byCapability: z.array(z.object({ capability: z.string(), name: z.string(), count: z.number().int() })),
});
export type StatsZeroResultsResponse = z.infer<typeof StatsZeroResultsResponse>;

export const StatsReport = z.enum([
  'views_month',
  'views_fiscal_year',
  'facilities',
  'searches',
  'zero_results',
]);
export const StatsExportQuery = StatsRangeQuery.extend({
  report: StatsReport,
  format: z.enum(['csv', 'xlsx']),
});

// ---------------------------------------------------------------------------------------------
// Errors

export const directoryErrors = defineErrors({
  'directory.facility_not_found': {
    status: 404,
    ja: 'この施設は見つかりませんでした。検索からお探しください。',
    en: 'This facility was not found. Use the search.',
  },
  'directory.municipality_not_found': {
    status: 404,
    ja: '指定された自治体の情報はありません。自治体コードを確認してください。',
    en: 'There is no directory for this municipality code.',
  },
  'directory.unknown_capability': {
    status: 400,
    ja: '指定された対応項目はありません。対応項目の一覧から選んでください。',
    en: 'Unknown capability. Choose one from the capability list.',
  },
  'directory.unknown_district': {
    status: 400,
    ja: '指定された地区はありません。地区の一覧から選んでください。',
    en: 'Unknown district. Choose one from the district list.',
  },
  'directory.near_required': {
    status: 400,
    ja: '距離で絞り込む・並べ替えるには、基準の地点（near=緯度,経度）を指定してください。',
    en: 'Distance filters and sorting need a point: near=LAT,LNG.',
  },
  'directory.version_conflict': {
    status: 409,
    ja: 'この施設の情報は、ほかの変更で先に更新されています。最新の内容を確認して、もう一度変更してください。',
    en: 'The facility was changed in the meantime. Check the latest version and make the change again.',
  },
  'directory.request_not_pending': {
    status: 409,
    ja: 'この申請はすでに処理されています。一覧を再読み込みしてください。',
    en: 'This request has already been decided. Reload the list.',
  },
  'directory.no_changes': {
    status: 400,
    ja: '変更された項目がありません。内容を変更してから送信してください。',
    en: 'Nothing was changed. Change a field before sending.',
  },
  'directory.duplicate_code': {
    status: 409,
    ja: '同じ医療機関コードまたは事業所番号の施設がすでに登録されています。番号を確認してください。',
    en: 'Another facility already has this medical institution code or care office number.',
  },
  'directory.invalid_main_station': {
    status: 400,
    ja: '本体の訪問看護ステーションとして指定できない施設です。同じ自治体の訪問看護ステーションを選んでください。',
    en: 'The main station must be another visiting-nurse station of the same municipality.',
  },
  'directory.confirm_token_invalid': {
    status: 400,
    ja: 'この確認リンクは無効か、すでに使われています。区から届いた最新のメールのリンクを開いてください。',
    en: 'This confirmation link is invalid or was already used. Open the link in the latest mail.',
  },
  'directory.geocode_not_found': {
    status: 404,
    ja: 'その町名・郵便番号は見つかりませんでした。町名（例：上目黒）か郵便番号7桁を入力してください。',
    en: 'Town or postal code not found. Enter a town name or a 7-digit postal code.',
  },
});
