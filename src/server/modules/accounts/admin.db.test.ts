import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuditAction } from '../../../../test/support/audit-actions';
import {
  createMunicipality,
  createOrganisation,
  createSession,
  createSignedInUser,
  createUser,
  MUNICIPALITIES,
} from '../../../../test/support/factories/accounts';
import { createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { writeAudit } from '../../platform/audit/audit.service';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let sapporoAdmin: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createSignedInUser(t.db, { role: 'ward_admin' });
  await createMunicipality(t.db, MUNICIPALITIES.sapporo);
  sapporoAdmin = await createSignedInUser(t.db, {
    role: 'ward_admin',
    municipalityCode: MUNICIPALITIES.sapporo.code,
  });
});
afterAll(async () => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('organisations', () => {
  it('creates, renames, lists and deletes an organisation, auditing each write', async () => {
    const created = await call('POST', '/api/admin/organisations', admin.session.headers, {
      kind: 'pharmacy',
      name: 'デモ薬局（テスト）',
      nameKana: 'でもやっきょく',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({
      kind: 'pharmacy',
      municipalityCode: '131105',
      memberCount: 0,
      facilityId: null,
    });
    const { id: facilityId } = await createTestFacility(t.db);
    const renamed = await call('PATCH', `/api/admin/organisations/${org.id}`, admin.session.headers, {
      name: 'デモ薬局 本店（テスト）',
      facilityId,
    });
    expect(renamed.json()).toMatchObject({ name: 'デモ薬局 本店（テスト）', facilityId });
    const listed = await call('GET', '/api/admin/organisations?kind=pharmacy&q=本店', admin.session.headers);
    expect(listed.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    expect(
      (await call('DELETE', `/api/admin/organisations/${org.id}`, admin.session.headers)).statusCode,
    ).toBe(200);
    expect((await call('GET', `/api/admin/organisations/${org.id}`, admin.session.headers)).statusCode).toBe(
      404,
    );
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', org.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'organisation.create',
      'organisation.update',
      'organisation.delete',
    ]);
  });

  it('refuses to link an organisation to another municipality’s facility (or to none that exists), changing nothing', async () => {
    const created = await call('POST', '/api/admin/organisations', admin.session.headers, {
      kind: 'clinic',
      name: '越境リンク診療所（テスト）',
    });
    const org = created.json();
    const { id: sapporoFacility } = await createTestFacility(t.db, {
      municipalityCode: MUNICIPALITIES.sapporo.code,
    });
    for (const facilityId of [sapporoFacility, '7d0f7a52-4a7c-4f43-9e43-6b3a3a1c2d10']) {
      const refused = await call('PATCH', `/api/admin/organisations/${org.id}`, admin.session.headers, {
        name: '越境リンク診療所（変更）',
        facilityId,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('organisation.facility_not_in_municipality');
    }
    const onCreate = await call('POST', '/api/admin/organisations', admin.session.headers, {
      kind: 'clinic',
      name: '越境リンク診療所2（テスト）',
      facilityId: sapporoFacility,
    });
    expect(onCreate.json().error.code).toBe('organisation.facility_not_in_municipality');
    const after = await call('GET', `/api/admin/organisations/${org.id}`, admin.session.headers);
    expect(after.json()).toMatchObject({ name: '越境リンク診療所（テスト）', facilityId: null });
    const names = await t.db
      .selectFrom('organisations')
      .select('name')
      .where('name', 'like', '越境リンク%')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['越境リンク診療所（テスト）']);
  });

  it('answers a duplicate name with 409 and refuses to delete an organisation with members', async () => {
    const body = { kind: 'clinic', name: '重複クリニック（テスト）' };
    expect((await call('POST', '/api/admin/organisations', admin.session.headers, body)).statusCode).toBe(
      201,
    );
    const duplicate = await call('POST', '/api/admin/organisations', admin.session.headers, body);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('organisation.name_taken');
    const busy = await call(
      'DELETE',
      `/api/admin/organisations/${admin.organisationId}`,
      admin.session.headers,
    );
    expect(busy.json().error.code).toBe('organisation.in_use');
  });

  it('rejects unknown fields and an unknown kind', async () => {
    const extra = await call('POST', '/api/admin/organisations', admin.session.headers, {
      kind: 'clinic',
      name: 'x',
      owner: 'me',
    });
    const kind = await call('POST', '/api/admin/organisations', admin.session.headers, {
      kind: 'spa',
      name: 'x',
    });
    expect([extra.statusCode, kind.statusCode]).toEqual([400, 400]);
  });
});

describe('users and memberships', () => {
  it('lists users page by page and shows their memberships without secrets', async () => {
    for (let i = 0; i < 3; i++) await createUser(t.db, { role: 'clinician' });
    const first = (await call('GET', '/api/admin/users?limit=2', admin.session.headers)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await call('GET', `/api/admin/users?limit=2&cursor=${first.nextCursor}`, admin.session.headers)
    ).json();
    expect(second.items[0].email > first.items[1].email).toBe(true);
    const one = first.items[0];
    expect(one).not.toHaveProperty('password_hash');
    expect(JSON.stringify(first)).not.toMatch(/scrypt|totp_secret/);
    expect(one.memberships[0]).toHaveProperty('organisationName');
  });

  it('disables a user (ending their sessions) and enables them again', async () => {
    const user = await createUser(t.db, { role: 'center_staff' });
    const theirs = await createSession(t.db, user);
    const disabled = await call('POST', `/api/admin/users/${user.id}/disable`, admin.session.headers);
    expect(disabled.json().status).toBe('disabled');
    expect((await call('GET', '/api/session', { cookie: theirs.cookie })).json().authenticated).toBe(false);
    expect(
      (await call('POST', `/api/admin/users/${user.id}/enable`, admin.session.headers)).json().status,
    ).toBe('active');
    const self = await call('POST', `/api/admin/users/${admin.id}/disable`, admin.session.headers);
    expect(self.json().error.code).toBe('user.cannot_change_self');
  });

  it('resets a user’s two-factor so they enrol again at next login, once a second admin approves', async () => {
    const user = await createUser(t.db, { role: 'clinician' });
    const second = await createSignedInUser(t.db, { role: 'ward_admin' });
    const asked = await call('POST', `/api/admin/users/${user.id}/reset-two-factor`, admin.session.headers);
    expect(asked.statusCode).toBe(202);
    const reset = await call('POST', `/api/admin/users/${user.id}/reset-two-factor`, second.session.headers);
    expect(reset.json().twoFactorEnrolled).toBe(false);
    const row = await t.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeNull();
  });

  it('adds and removes a membership, refuses a duplicate, and keeps the last ward admin', async () => {
    const user = await createUser(t.db, { role: 'clinician' });
    const body = { userId: user.id, organisationId: admin.organisationId, role: 'center_staff' };
    const added = await call('POST', '/api/admin/memberships', admin.session.headers, body);
    expect(added.statusCode).toBe(201);
    expect(
      (await call('POST', '/api/admin/memberships', admin.session.headers, body)).json().error.code,
    ).toBe('membership.exists');
    expect(
      (await call('DELETE', `/api/admin/memberships/${added.json().id}`, admin.session.headers)).statusCode,
    ).toBe(200);

    const muni = await createMunicipality(t.db, MUNICIPALITIES.takamatsu);
    const lone = await createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: muni });
    const membership = await t.db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', lone.id)
      .executeTakeFirstOrThrow();
    const last = await call('DELETE', `/api/admin/memberships/${membership.id}`, lone.session.headers);
    expect(last.json().error.code).toBe('membership.last_admin');
  });
});

describe('tenancy', () => {
  it('answers 404 for another municipality’s organisation, user, membership, invitation and mail', async () => {
    const org = await createOrganisation(t.db, { municipalityCode: MUNICIPALITIES.sapporo.code });
    const h = admin.session.headers;
    expect((await call('GET', `/api/admin/organisations/${org.id}`, h)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/admin/organisations/${org.id}`, h, { name: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/api/admin/organisations/${org.id}`, h)).statusCode).toBe(404);
    expect((await call('GET', `/api/admin/users/${sapporoAdmin.id}`, h)).statusCode).toBe(404);
    expect((await call('POST', `/api/admin/users/${sapporoAdmin.id}/disable`, h)).statusCode).toBe(404);
    const membership = await t.db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', sapporoAdmin.id)
      .executeTakeFirstOrThrow();
    expect((await call('DELETE', `/api/admin/memberships/${membership.id}`, h)).statusCode).toBe(404);
    const invitation = await call('POST', '/api/admin/invitations', sapporoAdmin.session.headers, {
      email: 'sapporo@example.jp',
      organisationId: sapporoAdmin.organisationId,
      role: 'clinician',
    });
    expect((await call('POST', `/api/admin/invitations/${invitation.json().id}/revoke`, h)).statusCode).toBe(
      404,
    );
    expect((await call('GET', `/api/admin/outbox/${invitation.json().mailId}`, h)).statusCode).toBe(404);
    const lists = (await call('GET', '/api/admin/users?limit=200', h))
      .json()
      .items.map((u: { id: string }) => u.id);
    expect(lists).not.toContain(sapporoAdmin.id);
  });
});

describe('audit log viewer', () => {
  it('filters, pages by keyset, shows Japan time, and audits its own reads', async () => {
    const ctx = { requestId: 'r-audit', clientIp: '192.0.2.1', municipalityCode: '131105' };
    for (let i = 0; i < 5; i++) {
      await writeAudit(t.db, ctx, {
        action: testAuditAction('test.viewer'),
        recordType: 'patient_note',
        recordId: `n${i}`,
        patientId: i % 2 ? 'P-1' : 'P-2',
      });
    }
    await writeAudit(
      t.db,
      { ...ctx, municipalityCode: '011002' },
      { action: testAuditAction('test.viewer'), patientId: 'P-1' },
    );
    const h = admin.session.headers;
    const page1 = (await call('GET', '/api/admin/audit?action=test.viewer&limit=2', h)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].id).toBeGreaterThan(page1.items[1].id);
    expect(page1.items[0].occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/);
    const page2 = (
      await call('GET', `/api/admin/audit?action=test.viewer&limit=2&cursor=${page1.nextCursor}`, h)
    ).json();
    const page3 = (
      await call('GET', `/api/admin/audit?action=test.viewer&limit=2&cursor=${page2.nextCursor}`, h)
    ).json();
    expect([...page1.items, ...page2.items, ...page3.items]).toHaveLength(5); // not the other municipality's row
    expect(page3.nextCursor).toBeNull();

    const byPatient = (await call('GET', '/api/admin/audit?patientId=P-1&recordType=patient_note', h)).json();
    expect(byPatient.items).toHaveLength(2);
    const byPrefix = (await call('GET', '/api/admin/audit?action=test.&outcome=success', h)).json();
    expect(byPrefix.items.every((i: { action: string }) => i.action.startsWith('test.'))).toBe(true);
    const future = (
      await call('GET', `/api/admin/audit?from=${encodeURIComponent('2099-01-01T00:00:00+09:00')}`, h)
    ).json();
    expect(future.items).toHaveLength(0);
    const byActor = (
      await call('GET', `/api/admin/audit?actorUserId=${admin.id}&action=audit.read`, h)
    ).json();
    expect(byActor.items.length).toBeGreaterThanOrEqual(5);
    expect(byActor.items[0].details.filter).toBeDefined();
  });

  it('exports CSV with a BOM and +09:00 times, and audits the export', async () => {
    const response = await call('GET', '/api/admin/audit/export.csv?action=test.', admin.session.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="audit-log-\d{8}\.csv"/);
    expect(response.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parse(response.body.slice(1)) as string[][];
    expect(rows[0]?.[0]).toBe('日時');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => /\+09:00$/.test(r[0] ?? '') && (r[4] ?? '').startsWith('test.'))).toBe(
      true,
    );
    const exported = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'audit.export')
      .execute();
    expect(exported).toHaveLength(1);
  });

  it('refuses a malformed filter with 400', async () => {
    expect((await call('GET', '/api/admin/audit?from=yesterday', admin.session.headers)).statusCode).toBe(
      400,
    );
    expect((await call('GET', '/api/admin/audit?outcome=maybe', admin.session.headers)).statusCode).toBe(400);
    expect((await call('GET', '/api/admin/audit?limit=100000', admin.session.headers)).statusCode).toBe(400);
  });
});

describe('audit coverage', () => {
  it('writes one audit row for each admin write and each read of a mail body', async () => {
    const h = admin.session.headers;
    const user = await createUser(t.db, { role: 'clinician' });
    const membership = (
      await call('POST', '/api/admin/memberships', h, {
        userId: user.id,
        organisationId: admin.organisationId,
        role: 'center_staff',
      })
    ).json();
    await call('DELETE', `/api/admin/memberships/${membership.id}`, h);
    for (const change of ['disable', 'enable', 'reset-two-factor'])
      await call('POST', `/api/admin/users/${user.id}/${change}`, h);
    const invitation = (
      await call('POST', '/api/admin/invitations', h, {
        email: 'audit-cover@example.jp',
        organisationId: admin.organisationId,
        role: 'clinician',
      })
    ).json();
    await call('GET', `/api/admin/outbox/${invitation.mailId}`, h);
    await call('POST', `/api/admin/outbox/${invitation.mailId}/retry`, h);
    await call('POST', `/api/admin/invitations/${invitation.id}/revoke`, h);

    const rows = await t.db
      .selectFrom('audit_log')
      .select([
        'action',
        'record_id',
        'actor_user_id',
        'actor_organisation_id',
        'request_id',
        'client_ip',
        'municipality_code',
      ])
      .where('record_id', 'in', [user.id, membership.id, invitation.id, invitation.mailId])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'membership.create',
      'membership.delete',
      'user.disable',
      'user.enable',
      'user.reset_two_factor_request',
      'invitation.create',
      'outbox.read',
      'outbox.retry',
      'invitation.revoke',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_user_id: admin.id,
        actor_organisation_id: admin.organisationId,
        municipality_code: '131105',
      });
      expect(row.request_id).toBeTruthy();
      expect(row.client_ip).toBeTruthy();
    }
  });

  it('audits a request refused for the caller’s role', async () => {
    const clinician = await createSignedInUser(t.db, { role: 'clinician' });
    const refused = await call('GET', '/api/admin/audit', clinician.session.headers);
    expect(refused.statusCode).toBe(403);
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.denied')
      .where('actor_user_id', '=', clinician.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'denied', request_id: refused.headers['x-request-id'] });
    expect(row.details).toMatchObject({ method: 'GET', route: '/api/admin/audit', reason: 'role' });
  });

  it('marks staff answers as not cacheable', async () => {
    const response = await call('GET', '/api/admin/users', admin.session.headers);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
