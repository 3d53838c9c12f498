import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createMunicipality, createUser, MUNICIPALITIES } from '../../../../test/support/factories/accounts';
import { createTestApp } from '../../../../test/support/test-app';

const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);

describe('the outbox list pages in the one list pattern', () => {
  it('lists every mail once when several were queued in the same millisecond', async () => {
    const meguro = await createMunicipality(t.db, MUNICIPALITIES.meguro);
    const admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: meguro });
    // The database's now() has microseconds; a cursor carries milliseconds. Mails queued in one
    // transaction (a fan-out) share a millisecond but not a microsecond.
    for (const micros of ['123400', '123300', '123200', '122900']) {
      // raw sql: the row needs a time with microseconds, which a JS Date (the builder's value) cannot carry.
      await sql`
        insert into mail_outbox (kind, to_address, subject, body_text, municipality_code, created_at)
        values ('test.same_ms', 'a@example.jp', 'x', 'x', ${meguro},
                ${`2026-04-01T00:00:00.${micros}Z`}::timestamptz)`.execute(t.db);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const query: string = `/api/admin/outbox?kind=test.same_ms&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await api.as(admin).get(query);
      expect(response.status).toBe(200);
      const body = response.body as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('refuses a cursor it did not write with 400', async () => {
    const admin = await createUser(t.db, { role: 'ward_admin' });
    const forged = Buffer.from(JSON.stringify([1, 2])).toString('base64url');
    const response = await api.as(admin).get(`/api/admin/outbox?cursor=${forged}`);
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('request.invalid');
  });
});
