import type { AuditQuery } from '../../../contracts/accounts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const textFilters = ['actor', 'action', 'recordType', 'patientId'] as const;
const outcomes = new Set(['success', 'failure', 'denied']);

/**
 * Turns the audit page's URL (dates as the admin typed them, in Japan) into API filters:
 * a "from" day starts at 00:00 and a "to" day ends at 23:59:59.999 Asia/Tokyo, inclusive.
 * Values that cannot be valid are dropped rather than sent.
 */
export function toAuditQuery(params: URLSearchParams): Partial<Omit<AuditQuery, 'limit' | 'cursor'>> {
  const query: Partial<Omit<AuditQuery, 'limit' | 'cursor'>> = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from && datePattern.test(from)) query.from = `${from}T00:00:00.000+09:00`;
  if (to && datePattern.test(to)) query.to = `${to}T23:59:59.999+09:00`;
  for (const key of textFilters) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  const outcome = params.get('outcome');
  if (outcome && outcomes.has(outcome)) query.outcome = outcome as AuditQuery['outcome'];
  return query;
}
