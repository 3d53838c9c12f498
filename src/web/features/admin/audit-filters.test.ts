import { describe, expect, it } from 'vitest';
import { toAuditQuery } from './audit-filters';

describe('toAuditQuery', () => {
  it('reads the from and to days as whole days in Japan time', () => {
    const query = toAuditQuery(new URLSearchParams('from=2026-11-01&to=2026-11-30'));
    expect(query).toEqual({ from: '2026-11-01T00:00:00.000+09:00', to: '2026-11-30T23:59:59.999+09:00' });
  });

  it('keeps text filters trimmed and drops empty ones', () => {
    const query = toAuditQuery(
      new URLSearchParams('actor=%20admin%40example.jp%20&action=auth.&recordType=&patientId=P-1'),
    );
    expect(query).toEqual({ actor: 'admin@example.jp', action: 'auth.', patientId: 'P-1' });
  });

  it('drops a malformed date and an unknown outcome instead of sending them', () => {
    const query = toAuditQuery(new URLSearchParams('from=2026/11/01&outcome=maybe&to=tomorrow'));
    expect(query).toEqual({});
  });

  it('passes a known outcome through', () => {
    expect(toAuditQuery(new URLSearchParams('outcome=denied'))).toEqual({ outcome: 'denied' });
  });
});
