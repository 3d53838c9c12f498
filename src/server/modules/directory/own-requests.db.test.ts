import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../../../test/support/api-client';
import { createOrganisation, createUser, type TestUser } from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { ChangeRequestDto, FacilityChangeRequestsResponse } from '../../../contracts/directory';

/** Issue 13 §2: the facility's own page shows the pending request (view, withdraw) and a rejection's reason. */
describe("a facility's own change requests, for its editor", () => {
  let t: TestApp;
  let api: ApiClient;
  let own: { id: string; version: number };
  let other: { id: string; version: number };
  let editor: TestUser;
  let otherEditor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    api = createApiClient(t.app);
    const meguro = await createMeguro(t.db);
    own = await createTestFacility(t.db, { type: 'visiting_nurse_station', phone: '03-0000-2222' });
    other = await createTestFacility(t.db, { type: 'clinic' });
    const ownOrg = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'visiting_nurse_station',
      facilityId: own.id,
    });
    const otherOrg = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'clinic',
      facilityId: other.id,
    });
    editor = await createUser(t.db, {
      role: 'facility_editor',
      municipalityCode: meguro,
      organisationId: ownOrg.id,
    });
    otherEditor = await createUser(t.db, {
      role: 'facility_editor',
      municipalityCode: meguro,
      organisationId: otherOrg.id,
    });
    admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: meguro });
  });
  afterAll(async () => {
    await t?.close();
  });

  const propose = async (changes: Record<string, unknown>) => {
    const response = await api
      .as(editor)
      .post<ChangeRequestDto>(`/api/directory/facilities/${own.id}/change-requests`, {
        baseVersion: own.version,
        changes,
      });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  };
  const ownRequests = () =>
    api.as(editor).get<FacilityChangeRequestsResponse>(`/api/directory/facilities/${own.id}/change-requests`);

  it('lists the pending request with its labelled diff against the entry now', async () => {
    const id = await propose({ phone: '03-0000-3333' });
    const response = await ownRequests();
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({
      id,
      status: 'pending',
      diff: [{ field: 'phone', label: '電話番号', before: '03-0000-2222', after: '03-0000-3333' }],
    });
  });

  it('lets the editor withdraw it, after which it is listed as withdrawn and the ward queue no longer has it', async () => {
    const pending = (await ownRequests()).body.items[0];
    const withdrawn = await api
      .as(editor)
      .post<ChangeRequestDto>(`/api/directory/change-requests/${pending?.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const listed = (await ownRequests()).body.items;
    expect(listed.map((r) => [r.id, r.status, r.diff.length])).toEqual([[pending?.id, 'withdrawn', 0]]);
    const queue = await api
      .as(admin)
      .get<{ items: ChangeRequestDto[] }>('/api/directory/change-requests?status=pending');
    expect(queue.body.items.map((r) => r.id)).not.toContain(pending?.id);
  });

  it("shows the ward admin's reason of a rejection, newest first", async () => {
    const id = await propose({ fax: '03-0000-4444' });
    const rejected = await api.as(admin).post(`/api/directory/change-requests/${id}/decision`, {
      decision: 'reject',
      reason: 'FAX番号は代表番号を記載してください。',
    });
    expect(rejected.status).toBe(200);
    const [latest] = (await ownRequests()).body.items;
    expect(latest).toMatchObject({ id, status: 'rejected', reason: 'FAX番号は代表番号を記載してください。' });
  });

  it("leaves residents' reports out and refuses another facility's editor", async () => {
    const report = await api.anonymous.post(`/api/public/facilities/${own.id}/reports`, {
      category: 'phone',
      message: '電話がつながりません',
    });
    expect(report.status).toBe(201);
    expect((await ownRequests()).body.items.every((r) => r.source === 'editor')).toBe(true);
    const foreign = await api.as(otherEditor).get(`/api/directory/facilities/${own.id}/change-requests`);
    expect(foreign.status).toBe(403);
    const byAdmin = await api
      .as(admin)
      .get<FacilityChangeRequestsResponse>(`/api/directory/facilities/${own.id}/change-requests`);
    expect(byAdmin.body.items).toHaveLength(2);
  });
});

describe('capabilities that fit the facility type', () => {
  let t: TestApp;
  let api: ApiClient;
  let station: { id: string; version: number };
  let editor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    api = createApiClient(t.app);
    const meguro = await createMeguro(t.db);
    // An imported entry may already hold a code that does not fit (here 訪問診療).
    station = await createTestFacility(t.db, {
      type: 'visiting_nurse_station',
      capabilities: ['end_of_life', 'home_visit'],
    });
    const org = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'visiting_nurse_station',
      facilityId: station.id,
    });
    editor = await createUser(t.db, {
      role: 'facility_editor',
      municipalityCode: meguro,
      organisationId: org.id,
    });
    admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: meguro });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an editor who adds 訪問歯科 to a visiting-nurse station, with a code', async () => {
    const response = await api
      .as(editor)
      .post<{ error: { code: string; details: unknown } }>(
        `/api/directory/facilities/${station.id}/change-requests`,
        {
          baseVersion: station.version,
          changes: { capabilities: ['end_of_life', 'home_visit', 'dental_home_visit'] },
        },
      );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('directory.capability_not_for_type');
    expect(response.body.error.details).toMatchObject({ capabilities: ['dental_home_visit'] });
  });

  it('refuses the ward admin the same, and takes a fitting one while keeping the held misfit', async () => {
    const refused = await api
      .as(admin)
      .patch<{ error: { code: string } }>(`/api/directory/facilities/${station.id}`, {
        version: station.version,
        changes: { capabilities: ['end_of_life', 'home_visit', 'home_medication'] },
      });
    expect(refused.body.error.code).toBe('directory.capability_not_for_type');
    const accepted = await api.as(editor).post(`/api/directory/facilities/${station.id}/change-requests`, {
      baseVersion: station.version,
      changes: { capabilities: ['end_of_life', 'home_visit', 'psychiatric_nursing'] },
    });
    expect(accepted.status).toBe(201);
  });
});
