import type { ColumnType, Generated } from 'kysely';
import type {
  AgeBand,
  ConsultationStatus,
  ConsultationTopic,
  ConsulterKind,
  ContactChannel,
  ContactResponse,
  GapFlag,
  ReferralSource,
  RoutingTarget,
  TriState,
} from '../../../contracts/consultations';

/** A calendar date (YYYY-MM-DD): both engines read dates back as text (platform/db/database.ts). */
type Day = string;
type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** One person consulted about at a window (実数): what the desk counts once a year per person. */
export interface ConsultationTable {
  id: Generated<string>;
  /** Tenant. */
  municipality_code: string;
  /** The window (包括 centre, an organisation of kind community_support_center) that owns it. */
  organisation_id: string;
  /** The person's name; null for an anonymous call. */
  subject_name: string | null;
  /** Reading of the name in kana; null when not given. */
  subject_kana: string | null;
  /** 年齢区分 (under 40 … 85 and over, or unknown). */
  age_band: Generated<AgeBand>;
  /** 地区 code of the municipality's directory districts; null when not known. */
  district_code: string | null;
  /** Whether the person lives in the ward (区内在住), as far as the caller said. */
  lives_in_ward: Generated<TriState>;
  /** A registered patient the recorder could reach when linking (patients module); usually null. */
  patient_id: string | null;
  /** 制度のはざま: 困窮, 身元保証なし, 独居, 障害, 精神 (each at most once). */
  gap_flags: ColumnType<GapFlag[], GapFlag[] | undefined, GapFlag[]>;
  /** Passed on to 障害者自立支援協議会, 精神保健医療福祉推進協議会 or a ward section; null if not. */
  routed_to: RoutingTarget | null;
  /** Which section, or what was passed on (only with routed_to). */
  routed_note: string | null;
  /** open → following_up → closed (consultation-status.ts); reopen goes back to open. */
  status: Generated<ConsultationStatus>;
  /** The user who took the first contact; null for rows written without an account (demo data). */
  opened_by: string | null;
  /** Their name at the time (users may be renamed or leave). */
  opened_by_label: string;
  /** The first contact's time: the figures count the person in this month and fiscal year. */
  first_contact_at: Date;
  /** The newest contact's time: the list's order (keyset, to the millisecond). */
  last_contact_at: Date;
  /** When it was last closed; null while open or following up. */
  closed_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One contact (延数): a call, a walk-in, a visit, a mail about the person. */
export interface ConsultationContactTable {
  id: Generated<string>;
  /** Tenant. */
  municipality_code: string;
  consultation_id: string;
  /** When the contact took place (Asia/Tokyo on the page; counted by this month). */
  occurred_at: Date;
  /** 電話 / 来所 / 訪問 / メール / その他. */
  channel: ContactChannel;
  /** 相談者: who consulted (本人, 家族, 医療機関, 介護事業所・ケアマネ, 行政, その他). */
  consulter: ConsulterKind;
  /** The directory facility of the medical institution that asked; null when typed or not one. */
  institution_facility_id: string | null;
  /** The institution's name (the directory's, or typed); null unless a medical institution asked. */
  institution_name: string | null;
  /** Whether the institution is in the ward (a directory facility of the ward: yes). */
  institution_in_ward: TriState | null;
  /** How they heard of the desk; null when not asked (usually asked at the first contact). */
  referral_source: ReferralSource | null;
  /** 相談内容, at least one. */
  topics: ColumnType<ConsultationTopic[], ConsultationTopic[], never>;
  /** 対応, at least one. */
  responses: ColumnType<ContactResponse[], ContactResponse[], never>;
  /** Free-text summary (personal data: only the window's staff read it). */
  summary: string;
  /** The day the window means to follow up; null when none. */
  follow_up_on: Day | null;
  /** Who recorded it; null for demo rows written without an account. */
  recorded_by: string | null;
  /** Their name at the time. */
  recorded_by_label: string;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface Database {
    consultations: ConsultationTable;
    consultation_contacts: ConsultationContactTable;
  }
}
