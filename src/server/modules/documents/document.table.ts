import type { ColumnType, Generated } from 'kysely';
import type { DocumentKind, DocumentStatus, VersionStatus } from '../../../contracts/documents';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A clinical document of a patient (看護サマリー, 紹介状, 退院時サマリー); its content is in the versions. */
export interface DocumentTable {
  id: Generated<string>;
  municipality_code: string;
  patient_id: string;
  /** The discharge case it was written for, if any. */
  case_id: string | null;
  /** The provider change a 紹介状 belongs to: not issued before that change's consent. */
  provider_change_id: string | null;
  kind: DocumentKind;
  status: Generated<DocumentStatus>;
  /** The latest version's number: the optimistic-concurrency token every write must name. */
  version: Generated<number>;
  /** The latest version's title (lists show it without reading the versions). */
  title: string;
  /** The organisation that writes it: its members see drafts and the read receipts. */
  author_organisation_id: string;
  created_by: string;
  created_at: CreatedAt;
  /** The document list's keyset sort: timestamptz(3), to the millisecond the cursor carries. */
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** When it was first finalised (shared with the circle). */
  finalised_at: Date | null;
  withdrawn_reason: string | null;
}

/** One saved version, never overwritten: drafts and finals alike stay in the history. */
export interface DocumentVersionTable {
  document_id: string;
  version: number;
  status: VersionStatus;
  title: string;
  /** The kind's content, validated by its schema in src/contracts/documents.ts before it is stored. */
  content: ColumnType<Record<string, unknown>, string, never>;
  saved_by: string;
  saved_by_label: string;
  saved_at: CreatedAt;
}

/** The first reading of a final version by one user outside the author's organisation. */
export interface DocumentReceiptTable {
  id: Generated<string>;
  municipality_code: string;
  document_id: string;
  version: number;
  reader_user_id: string;
  reader_label: string;
  reader_organisation_id: string | null;
  reader_organisation_label: string | null;
  read_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface Database {
    documents: DocumentTable;
    document_versions: DocumentVersionTable;
    document_receipts: DocumentReceiptTable;
  }
}
