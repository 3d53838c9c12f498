import type { ColumnType, Generated } from 'kysely';

/** One audited event. Rows are never changed: triggers refuse UPDATE, DELETE and TRUNCATE. */
export interface AuditLogTable {
  id: Generated<number>;
  /** When it happened (UTC, shown in Asia/Tokyo with offset). Set by the writer so the hash covers it. */
  occurred_at: ColumnType<Date, Date, never>;
  /** Tenant the event belongs to; null for installation-wide events (e.g. a login of an unknown email). */
  municipality_code: string | null;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  /** Email or name at the time, kept because users may later be renamed. */
  actor_label: string | null;
  /** Dotted verb, e.g. `auth.login`, `user.invite`, `facility.update`, `patient.read`. */
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  record_type: string | null;
  record_id: string | null;
  patient_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  /** Extra facts without personal data (never passwords, tokens or free text about patients). */
  details: unknown | null;
  /** Hash of the previous row (or 64 zeros for the first): the chain that reveals tampering. */
  prev_hash: string;
  /** `hmac-sha256` under the key named by key_id; `sha256` (no key) only for rows written before issue 12. */
  hash_alg: 'sha256' | 'hmac-sha256';
  /** Id of the audit key (not the key): which key verification needs for this row. */
  key_id: string | null;
  hash: string;
}

declare module '../db/schema' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
