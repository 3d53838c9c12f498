import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createOrganisation, createUser } from '../../../../test/support/factories/accounts';
import { createTestApp } from '../../../../test/support/test-app';
import type { UserList } from '../../../contracts/accounts';

const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);

type ErrorBody = { error: { code: string } };

describe('the users list pages in the one list pattern', () => {
  it('shows every user of more than a page once, in email order, and ends with no cursor', async () => {
    const admin = await createUser(t.db, { role: 'ward_admin' });
    const { id: organisationId } = await createOrganisation(t.db, { kind: 'clinic' });
    const emails = ['m', 'c', 'k', 'a', 'q', 'e', 'h'].map((letter) => `${letter}-paging@example.jp`);
    for (const email of emails) await createUser(t.db, { role: 'clinician', organisationId, email });

    const seen: string[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const url: string = `/api/admin/users?organisationId=${organisationId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await api.as(admin).get<UserList>(url);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((u) => u.email));
      cursor = response.body.nextCursor;
      cursors.push(cursor);
      if (!cursor) break;
    }
    expect(seen).toEqual([...emails].sort());
    expect(cursors.map((c) => c !== null)).toEqual([true, true, false]);
  });

  it('answers a cursor it did not write with 400 request.invalid', async () => {
    const admin = await createUser(t.db, { role: 'ward_admin' });
    const forged = [
      'bm90LWpzb24', // not JSON
      Buffer.from(JSON.stringify([1, 2])).toString('base64url'), // numbers, not an email and a uuid
      Buffer.from(JSON.stringify(['a@example.jp', 'not-a-uuid'])).toString('base64url'),
      'a.b', // not base64url at all
    ];
    for (const cursor of forged) {
      const response = await api.as(admin).get<ErrorBody>(`/api/admin/users?cursor=${cursor}`);
      expect({ cursor, status: response.status }).toEqual({ cursor, status: 400 });
      expect(response.body.error.code).toBe('request.invalid');
    }
  });
});
