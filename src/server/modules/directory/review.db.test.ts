import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMunicipality,
  createOrganisation,
  createSignedInUser,
  MUNICIPALITIES,
  type TestSession,
} from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { ChangeRequestDetail, FacilityDetail } from '../../../contracts/directory';

describe('self-service changes and the review queue', () => {
  let t: TestApp;
  let own: { id: string; version: number };
  let other: { id: string; version: number };
  let editor: TestSession;
  let admin: TestSession;
  let foreignAdmin: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    const meguro = await createMeguro(t.db);
    own = await createTestFacility(t.db, {
      type: 'visiting_nurse_station',
      name: 'あおぞら訪問看護ステーション',
      phone: '03-0000-1111',
      capabilities: ['end_of_life'],
    });
    other = await createTestFacility(t.db, { name: 'となりの内科' });
    const org = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'visiting_nurse_station',
      facilityId: own.id,
    });
    editor = (await createSignedInUser(t.db, { role: 'facility_editor', organisationId: org.id })).session;
    admin = (await createSignedInUser(t.db, { role: 'ward_admin' })).session;
    const sapporo = await createMunicipality(t.db, MUNICIPALITIES.sapporo);
    foreignAdmin = (await createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: sapporo }))
      .session;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (
    session: TestSession | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers: session?.headers ?? {}, payload });
  const detail = async (id: string): Promise<FacilityDetail> =>
    (await send(undefined, 'GET', `/api/public/facilities/${id}`)).json();
  const propose = (session: TestSession, facilityId: string, baseVersion: number, changes: unknown) =>
    send(session, 'POST', `/api/directory/facilities/${facilityId}/change-requests`, {
      baseVersion,
      changes,
    });

  it('queues an editor change to its own facility without changing the public entry', async () => {
    const response = await propose(editor, own.id, own.version, { phone: '03-2222-3333' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'pending', source: 'editor', baseVersion: own.version });
    expect((await detail(own.id)).phone).toBe('03-0000-1111');
  });

  it('refuses an editor change to a facility that is not its own', async () => {
    const response = await propose(editor, other.id, other.version, { phone: '03-9999-9999' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
  });

  it('refuses a change started from an old version, one that changes nothing, and unknown fields', async () => {
    const stale = await propose(editor, own.id, own.version + 5, { phone: '03-1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('directory.version_conflict');
    const same = await propose(editor, own.id, own.version, { phone: '03-0000-1111' });
    expect(same.json().error.code).toBe('directory.no_changes');
    const unknownField = await propose(editor, own.id, own.version, { rating: 5 });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.code).toBe('request.invalid');
    const unknownCapability = await propose(editor, own.id, own.version, { capabilities: ['levitation'] });
    expect(unknownCapability.json().error.code).toBe('directory.unknown_capability');
  });

  it('shows the ward admin a field-by-field diff and applies the change on approval', async () => {
    const submitted = await propose(editor, own.id, own.version, {
      name: 'あおぞら訪問看護ステーション 目黒',
      capabilities: ['end_of_life', 'psychiatric_nursing'],
    });
    const id = submitted.json().id as string;
    const view: ChangeRequestDetail = (
      await send(admin, 'GET', `/api/directory/change-requests/${id}`)
    ).json();
    expect(view.diff).toEqual([
      {
        field: 'name',
        label: '名称',
        before: 'あおぞら訪問看護ステーション',
        after: 'あおぞら訪問看護ステーション 目黒',
      },
      {
        field: 'capabilities',
        label: '在宅医療・介護の対応',
        before: ['end_of_life'],
        after: ['end_of_life', 'psychiatric_nursing'],
      },
    ]);
    const approved = await send(admin, 'POST', `/api/directory/change-requests/${id}/decision`, {
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    const after = await detail(own.id);
    expect(after.name).toBe('あおぞら訪問看護ステーション 目黒');
    expect(after.version).toBe(own.version + 1);
    expect(after.capabilities.map((c) => c.code).sort()).toEqual(['end_of_life', 'psychiatric_nursing']);
    const found = await send(
      undefined,
      'GET',
      `/api/public/facilities?q=${encodeURIComponent('精神科訪問看護')}`,
    );
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(own.id);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'facility.change_request.approve' and record_id = ${own.id}`.execute(t.db);
    expect(audit.rows[0]?.n).toBe(1);
    const again = await send(admin, 'POST', `/api/directory/change-requests/${id}/decision`, {
      decision: 'approve',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('directory.request_not_pending');
    own = { id: own.id, version: after.version };
  });

  it('answers 409 when approving a request whose facility changed since it was made', async () => {
    const first = (await propose(editor, own.id, own.version, { fax: '03-1234-0001' })).json().id as string;
    const second = (await propose(editor, own.id, own.version, { url: 'https://aozora.example.jp' })).json()
      .id as string;
    expect(
      (await send(admin, 'POST', `/api/directory/change-requests/${first}/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    const conflict = await send(admin, 'POST', `/api/directory/change-requests/${second}/decision`, {
      decision: 'approve',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('directory.version_conflict');
    const still = (await send(admin, 'GET', `/api/directory/change-requests/${second}`)).json();
    expect(still.status).toBe('pending');
    expect(still.currentVersion).toBe(own.version + 1);
    expect((await detail(own.id)).url).toBeNull();
    own = { id: own.id, version: own.version + 1 };
  });

  it('rejects only with a reason and leaves the facility as it was', async () => {
    const id = (await propose(editor, own.id, own.version, { phone: '090-0000-0000' })).json().id as string;
    const noReason = await send(admin, 'POST', `/api/directory/change-requests/${id}/decision`, {
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await send(admin, 'POST', `/api/directory/change-requests/${id}/decision`, {
      decision: 'reject',
      reason: '代表番号を記載してください',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '代表番号を記載してください' });
    expect((await detail(own.id)).phone).toBe('03-0000-1111');
  });

  it('keeps the full history of a facility, field by field', async () => {
    const response = await send(editor, 'GET', `/api/directory/facilities/${own.id}/history`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ source: string; changes: Record<string, unknown> }>;
    expect(items.map((i) => i.source)).toEqual(['editor', 'editor', 'create']);
    expect(items[0]?.changes).toEqual({ fax: { before: null, after: '03-1234-0001' } });
    expect(Object.keys(items[1]?.changes ?? {})).toEqual(['name', 'capabilities']);
  });

  it('lets residents report an error without personal data into the same queue, rate-limited', async () => {
    const report = await send(undefined, 'POST', `/api/public/facilities/${other.id}/reports`, {
      category: 'phone',
      message: '電話がつながりません',
    });
    expect(report.statusCode).toBe(201);
    const queue = (
      await send(admin, 'GET', '/api/directory/change-requests?status=pending&source=resident_report')
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(report.json().id);
    expect(queue.items[0]).toMatchObject({
      reportCategory: 'phone',
      reportMessage: '電話がつながりません',
      submittedBy: null,
    });
    const extra = await send(undefined, 'POST', `/api/public/facilities/${other.id}/reports`, {
      category: 'other',
      message: 'x',
      email: 'me@example.jp',
    });
    expect(extra.statusCode).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await send(undefined, 'POST', `/api/public/facilities/${other.id}/reports`, {
            category: 'other',
            message: `${i}`,
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });

  it('sets the capacity signal at once, without review, for its own facility only', async () => {
    const set = await send(editor, 'PUT', `/api/directory/facilities/${own.id}/capacity`, {
      signal: 'accepting',
    });
    expect(set.statusCode).toBe(200);
    expect((await detail(own.id)).capacity?.signal).toBe('accepting');
    const accepting = (await send(undefined, 'GET', '/api/public/facilities?accepting=true')).json();
    expect(accepting.items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    expect(
      (await send(editor, 'PUT', `/api/directory/facilities/${other.id}/capacity`, { signal: 'full' }))
        .statusCode,
    ).toBe(403);
  });

  it('lists the editor its own facilities only', async () => {
    const mine = (await send(editor, 'GET', '/api/directory/my-facilities')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([own.id]);
  });

  it('keeps the queue to staff of the municipality', async () => {
    expect((await send(undefined, 'GET', '/api/directory/change-requests')).statusCode).toBe(401);
    expect((await send(editor, 'GET', '/api/directory/change-requests')).statusCode).toBe(403);
    const foreign = (await send(foreignAdmin, 'GET', '/api/directory/change-requests')).json();
    expect(foreign.total).toBe(0);
    const anyId = (await send(admin, 'GET', '/api/directory/change-requests')).json().items[0].id as string;
    expect((await send(foreignAdmin, 'GET', `/api/directory/change-requests/${anyId}`)).statusCode).toBe(404);
    expect((await send(foreignAdmin, 'GET', `/api/directory/facilities/${own.id}/history`)).statusCode).toBe(
      404,
    );
    const patch = await send(foreignAdmin, 'PATCH', `/api/directory/facilities/${own.id}`, {
      version: own.version,
      changes: { phone: '011-000-0000' },
    });
    expect(patch.statusCode).toBe(404);
  });

  it('lets the ward admin edit directly, checking the version', async () => {
    const stale = await send(admin, 'PATCH', `/api/directory/facilities/${other.id}`, {
      version: other.version + 1,
      changes: { phone: '03-5555-0000' },
    });
    expect(stale.json().error.code).toBe('directory.version_conflict');
    const ok = await send(admin, 'PATCH', `/api/directory/facilities/${other.id}`, {
      version: other.version,
      changes: {
        phone: '03-5555-0000',
        addressBlock: {
          prefecture: '東京都',
          city: '目黒区',
          town: '八雲二丁目',
          block: '3-4',
          building: null,
        },
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      phone: '03-5555-0000',
      town: '八雲',
      district: 'west',
      version: other.version + 1,
    });
  });
  it('answers a medical institution code another facility holds with directory.duplicate_code, changing nothing', async () => {
    const first = await send(admin, 'POST', '/api/directory/facilities', {
      name: '重複確認クリニック',
      type: 'clinic',
      medicalInstitutionCode: '1311234567',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await send(admin, 'POST', '/api/directory/facilities', {
      name: '同じコードの医院',
      type: 'clinic',
      medicalInstitutionCode: '1311234567',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('directory.duplicate_code');
    const before = await detail(other.id);
    const patch = await send(admin, 'PATCH', `/api/directory/facilities/${other.id}`, {
      version: before.version,
      changes: { medicalInstitutionCode: '1311234567' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('directory.duplicate_code');
    expect(await detail(other.id)).toEqual(before);
    const named = await t.db
      .selectFrom('facilities')
      .select('id')
      .where('name', '=', '同じコードの医院')
      .execute();
    expect(named).toEqual([]);
  });
});
