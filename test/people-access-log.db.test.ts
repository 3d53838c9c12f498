import { afterAll, describe, expect, it } from 'vitest';
import type { OwnAccessList } from '../src/contracts/accounts';
import type { AccessLogList } from '../src/contracts/patients';
import { installGeography, loadMeguroGeography } from '../src/server/demo/directory/meguro-geography';
import '../src/server/modules/directory/review.table';
import { createApiClient } from './support/api-client';
import { createMunicipality, createUser, MUNICIPALITIES } from './support/factories/accounts';
import { createTestFacility } from './support/factories/directory';
import { createTestApp } from './support/test-app';

/**
 * Issue 12 item 7: every read of a person's data outside patients — the ward admin's user list and
 * detail, directory change requests (submitter's name and contact), a facility's history (editor
 * names) — is in the access log with who, what, when and from where; the ward admin finds it by
 * record, and a person lists who read their own account data.
 */
const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);

const meguro = await createMunicipality(t.db, MUNICIPALITIES.meguro);
await installGeography(t.db, loadMeguroGeography(), meguro);
const admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: meguro });
const nurse = await createUser(t.db, { role: 'clinician', municipalityCode: meguro });
const other = await createUser(t.db, { role: 'care_manager', municipalityCode: meguro });
const facility = await createTestFacility(t.db, { municipalityCode: meguro, name: '記録テスト診療所' });
const changeRequest = await t.db
  .insertInto('facility_change_requests')
  .values({
    municipality_code: meguro,
    facility_id: facility.id,
    source: 'resident_report',
    report_category: 'other',
    report_message: '電話番号が違います',
    changes: null,
  })
  .returning('id')
  .executeTakeFirstOrThrow();

async function rowsFor(recordType: string, recordId: string) {
  return t.db
    .selectFrom('access_log')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

describe('reads of people’s data outside patients are in the access log', () => {
  it('the user list records one read per person shown, with who, when and from where', async () => {
    const before = (await rowsFor('user', nurse.id)).length;
    const list = await api.as(admin).get('/api/admin/users');
    expect(list.status).toBe(200);
    const rows = await rowsFor('user', nurse.id);
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1);
    expect(row).toMatchObject({
      actor_user_id: admin.id,
      actor_label: admin.email,
      action: 'read',
      patient_id: null,
      municipality_code: meguro,
    });
    expect(row?.client_ip).toMatch(/\d/);
    expect(row?.request_id).toBe(list.headers['x-request-id']);
    expect(Math.abs(new Date(row?.occurred_at as Date).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('the user detail records a read of that person only', async () => {
    const nurseBefore = (await rowsFor('user', nurse.id)).length;
    const otherBefore = (await rowsFor('user', other.id)).length;
    expect((await api.as(admin).get(`/api/admin/users/${nurse.id}`)).status).toBe(200);
    expect(await rowsFor('user', nurse.id)).toHaveLength(nurseBefore + 1);
    expect(await rowsFor('user', other.id)).toHaveLength(otherBefore);
  });

  it('a change request, listed or opened, records a read of it', async () => {
    expect((await api.as(admin).get('/api/directory/change-requests')).status).toBe(200);
    expect(await rowsFor('facility_change_request', changeRequest.id)).toHaveLength(1);
    expect((await api.as(admin).get(`/api/directory/change-requests/${changeRequest.id}`)).status).toBe(200);
    const rows = await rowsFor('facility_change_request', changeRequest.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actor_user_id: admin.id, action: 'read' });
  });

  it("a facility's history (editor names) records a read", async () => {
    expect((await api.as(admin).get(`/api/directory/facilities/${facility.id}/history`)).status).toBe(200);
    expect(await rowsFor('facility_history', facility.id)).toMatchObject([{ actor_user_id: admin.id }]);
  });

  it('a refused read records nothing', async () => {
    const before = (await rowsFor('user', other.id)).length;
    expect((await api.as(nurse).get(`/api/admin/users/${other.id}`)).status).toBe(403);
    expect(await rowsFor('user', other.id)).toHaveLength(before);
  });
});

describe('finding those reads', () => {
  it('the ward admin searches the access log by record and exports it', async () => {
    const query = `recordType=user&recordId=${nurse.id}`;
    const found = await api.as(admin).get<AccessLogList>(`/api/admin/access-log?${query}`);
    expect(found.status).toBe(200);
    expect(found.body.items.length).toBeGreaterThanOrEqual(2);
    expect(found.body.items.every((e) => e.recordType === 'user' && e.recordId === nurse.id)).toBe(true);
    const csv = await api.as(admin).get(`/api/admin/access-log/export.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(nurse.id);
    expect(String(csv.body)).not.toContain(changeRequest.id);
  });

  it('a person lists who read their own account data, newest first, and nobody else’s', async () => {
    const own = await api.as(nurse).get<OwnAccessList>('/api/account/access-log?limit=1');
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([
      { occurredAt: expect.any(String), actorLabel: admin.email, recordType: 'user', action: 'read' },
    ]);
    expect(own.body.nextCursor).not.toBeNull();
    const next = await api
      .as(nurse)
      .get<OwnAccessList>(`/api/account/access-log?limit=50&cursor=${own.body.nextCursor}`);
    expect(next.body.items.length).toBeGreaterThanOrEqual(1);
    const mine = await rowsFor('user', nurse.id);
    expect(own.body.items.length + next.body.items.length).toBe(mine.length);

    const othersView = await api.as(other).get<OwnAccessList>('/api/account/access-log');
    const otherRows = await rowsFor('user', other.id);
    expect(othersView.body.items).toHaveLength(otherRows.length);
    expect((await api.anonymous.get('/api/account/access-log')).status).toBe(401);
  });

  it('both lists refuse a cursor they did not write with 400 request.invalid', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    // An id that is no integer reached the database before (NaN) and answered 500.
    const refused = [forged(['x', 'y']), forged([1.5, 1.5]), forged([new Date().toISOString(), nurse.id])];
    for (const bad of refused) {
      for (const [who, url] of [
        [admin, '/api/admin/access-log'],
        [nurse, '/api/account/access-log'],
      ] as const) {
        const res = await api.as(who).get<{ error: { code: string } }>(`${url}?cursor=${bad}`);
        expect({ url, bad, status: res.status, code: res.body.error?.code }).toEqual({
          url,
          bad,
          status: 400,
          code: 'request.invalid',
        });
      }
    }
  });
});
