import { type ErrorCode, findErrorEntry } from '../../contracts/error-codes';

/**
 * The one error type the services throw. `code` must be in the catalog (src/contracts/errors.ts
 * or a module's defineErrors); the HTTP status and the user's message come from there.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    const entry = findErrorEntry(code);
    if (!entry) throw new Error(`unknown error code: ${code}`);
    super(entry.ja);
    this.name = 'AppError';
    this.status = entry.status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** PostgreSQL unique_violation (23505) on the named constraint, for turning it into a 409 code. */
/** A foreign key the database refused (23503), optionally a named constraint. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23503') return false;
  if (!constraint) return true;
  return e.constraint === constraint || (e.message ?? '').includes(constraint);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return false;
  if (!constraint) return true;
  return e.constraint === constraint || (e.message ?? '').includes(constraint);
}
