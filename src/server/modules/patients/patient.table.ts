import type { ColumnType, Generated } from 'kysely';
import type { CareLevel, KeyPerson, PatientContact, PatientStatus, Sex } from '../../../contracts/patients';

/** A patient of the municipality (minimum data for coordinating care; no clinical content here). */
export interface PatientTable {
  id: Generated<string>;
  /** Tenant: the municipality whose programme coordinates this patient. */
  municipality_code: string;
  /** 氏名 as written. */
  name: string;
  /** フリガナ as entered. */
  name_kana: string;
  /** normalizeSearchKey(name_kana): hiragana without spaces; the list's search and the duplicate check. */
  kana_key: string;
  /** 生年月日 as YYYY-MM-DD (a date column: no time zone). */
  birth_date: ColumnType<string, string, string>;
  sex: Sex;
  /** 町丁 from directory_towns of the municipality. */
  address_town: string;
  /** 番地・建物. */
  address_detail: string | null;
  /** 地区 of the town: which 包括 centre covers the patient. */
  district_code: string | null;
  /** 保険者番号 (optional). */
  insurer_number: string | null;
  /** 被保険者番号 (optional). */
  insured_number: string | null;
  care_level: CareLevel;
  key_person: ColumnType<KeyPerson | null, string | null, string | null>;
  contacts: ColumnType<PatientContact[], string | undefined, string>;
  /** Demo and training rows: shown as （デモ・架空）. */
  fictional: Generated<boolean>;
  status: Generated<PatientStatus>;
  /** Set with status `merged`: the record this duplicate was folded into. */
  merged_into: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A ward admin's break-glass read of one patient: time-limited, with a reason, counted per ward. */
export interface PatientBreakGlassTable {
  id: Generated<string>;
  municipality_code: string;
  patient_id: string;
  user_id: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
}

declare module '../../platform/db/schema' {
  interface Database {
    patients: PatientTable;
    patient_break_glass: PatientBreakGlassTable;
  }
}
