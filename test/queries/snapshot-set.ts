import type { QueryCase } from './sql-capture';

/** One `*.queries.ts` file and the example calls whose SQL its `.sql` snapshot shows. */
export type SnapshotSet = {
  /** The query file, from the repository root. */
  source: string;
  /** Its module namespace: every exported function must have a case or a reason in `notShown`. */
  exports: Record<string, unknown>;
  cases: QueryCase[];
  /** Exported functions left out of the snapshot, each with why. */
  notShown?: Record<string, string>;
};

/** Fixed example values: the snapshot shows SQL with $n placeholders, so they only pick variants. */
export const ids = {
  user: '0190a000-0000-7000-8000-000000000001',
  otherUser: '0190a000-0000-7000-8000-000000000002',
  organisation: '0190a000-0000-7000-8000-000000000011',
  hospital: '0190a000-0000-7000-8000-000000000012',
  facility: '0190a000-0000-7000-8000-000000000021',
  otherFacility: '0190a000-0000-7000-8000-000000000022',
  patient: '0190a000-0000-7000-8000-000000000031',
  otherPatient: '0190a000-0000-7000-8000-000000000032',
  case: '0190a000-0000-7000-8000-000000000041',
  item: '0190a000-0000-7000-8000-000000000042',
  change: '0190a000-0000-7000-8000-000000000051',
  session: '0190a000-0000-7000-8000-000000000061',
  request: '0190a000-0000-7000-8000-000000000071',
  notice: '0190a000-0000-7000-8000-000000000081',
  document: '0190a000-0000-7000-8000-000000000091',
  referral: '0190a000-0000-7000-8000-000000000101',
};
export const MEGURO = '131105';
export const NOW = new Date('2026-04-01T00:00:00Z');
