import { accountsErrors } from './accounts-errors';
import { addressesErrors } from './addresses-errors';
import { auditErrors } from './audit-errors';
import { backupErrors } from './backup-errors';
import { consultationsErrors } from './consultations-errors';
import { councilErrors } from './council-errors';
import { directoryErrors } from './directory-errors';
import { dischargeErrors } from './discharge-errors';
import { documentsErrors } from './documents-errors';
import { type ErrorEntry, errorCatalog } from './errors';
import { inboxErrors } from './inbox-errors';
import { openDataErrors, rowErrors } from './opendata-errors';
import { patientsErrors } from './patients-errors';
import { referralsErrors } from './referrals-errors';

/**
 * Every error code of the system, platform and modules, in one table the compiler reads: `AppError`
 * takes an `ErrorCode`, so a mistyped code fails the typecheck instead of the request. A new module
 * adds its `defineErrors` table here with one line.
 */
const catalogs = [
  errorCatalog,
  accountsErrors,
  auditErrors,
  backupErrors,
  directoryErrors,
  inboxErrors,
  openDataErrors,
  rowErrors,
  dischargeErrors,
  patientsErrors,
  documentsErrors,
  referralsErrors,
  addressesErrors,
  councilErrors,
  consultationsErrors,
];

export type ErrorCode =
  | keyof typeof errorCatalog
  | keyof typeof accountsErrors
  | keyof typeof auditErrors
  | keyof typeof backupErrors
  | keyof typeof directoryErrors
  | keyof typeof inboxErrors
  | keyof typeof openDataErrors
  | keyof typeof rowErrors
  | keyof typeof dischargeErrors
  | keyof typeof patientsErrors
  | keyof typeof documentsErrors
  | keyof typeof referralsErrors
  | keyof typeof addressesErrors
  | keyof typeof councilErrors
  | keyof typeof consultationsErrors;

const entries = new Map<string, ErrorEntry>();
for (const catalog of catalogs) {
  for (const [code, entry] of Object.entries(catalog)) {
    if (entries.has(code)) throw new Error(`duplicate error code ${code}`);
    entries.set(code, entry);
  }
}

export function findErrorEntry(code: string): ErrorEntry | undefined {
  return entries.get(code);
}

export function isErrorCode(code: string): code is ErrorCode {
  return entries.has(code);
}

export function listErrorCodes(): Array<[ErrorCode, ErrorEntry]> {
  return [...entries].sort(([a], [b]) => a.localeCompare(b)) as Array<[ErrorCode, ErrorEntry]>;
}
