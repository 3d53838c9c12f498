import { hash } from 'node:crypto';
import { FACILITY_FIELDS } from '../../../../contracts/opendata-layouts';

const HASHED_FIELDS = ['type', ...FACILITY_FIELDS] as const;

/**
 * Hash of a row's content (a FacilityContent of row-resolution.ts, taken as a plain object so this
 * file needs nothing of the file that calls it). Fields are taken in one fixed order (not the file's column order), so
 * equal content gives an equal hash whichever way the file was laid out.
 */
export function contentHash(content: object): string {
  const record = content as Record<string, unknown>;
  let text = '';
  for (const field of HASHED_FIELDS) {
    const value = record[field];
    if (value !== undefined) text += `${field}=${JSON.stringify(value)};`;
  }
  // The one-shot form: no Hash object per row (an import hashes every row it reads).
  return hash('sha1', text, 'base64url');
}
