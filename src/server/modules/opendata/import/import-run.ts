import type { Transaction } from 'kysely';
import type { ImportReport, OpenDataLayout } from '../../../../contracts/opendata';
import type { Database, Executor } from '../../../platform/db/schema';
import type { ImportIndexes } from './bulk-indexes';
import type { FacilityKeyed, MatchIndex } from './import-plan';

// The state of one import, in a file of its own: the batch (import-batch.ts) and the writes
// (import-writes.ts) both read it, and neither imports the other's file for it.

/** What `written` keeps of a facility the import created or changed: its keys and the row's line. */
export type WrittenFacility = FacilityKeyed & { line: number };

/** State that lives for one import run. */
export type ImportRun = {
  report: ImportReport;
  layout: OpenDataLayout;
  fileName: string;
  now: Date;
  /** null = dry run: plan and count, write nothing. */
  trx: Transaction<Database> | null;
  /** Suspended before the first facility is written when the import is large. */
  indexes: ImportIndexes;
  reader: Executor;
  overwriteEditorEdits: boolean;
  actor: { userId: string | null; label: string | null };
  municipalities: Map<string, { name: string; prefecture: string }>;
  /** Facilities per municipality when the run began (a municipality without any needs no lookups). */
  populated: Map<string, number>;
  /**
   * The facilities of each smaller municipality, loaded once when its first row comes (see
   * existingFacilities). Facilities this import rewrites leave it: `written` has them as written.
   */
  preloaded: Map<string, MatchIndex>;
  preloadUpTo: number;
  /** Existing facility id → line of the row that took it (a created one has its line in `written`). */
  touched: Map<string, number>;
  /**
   * The keys of the facilities this import created or changed, as written: later rows meet them
   * here whether or not the database answers for them (a dry run writes nothing, the same batch
   * is not written yet, and rows of a municipality that had no facilities are not looked up).
   */
  written: MatchIndex<WrittenFacility>;
  towns: Map<string, { name: string; district_code: string | null } | null>;
  /** District names by municipality (for the search text of new facilities). */
  districts: Map<string, Map<string, string>>;
  pushError(error: ImportReport['errors'][number]): void;
  keepRejectedRow(line: number, sheet: string, cells: Record<string, string>): void;
};
