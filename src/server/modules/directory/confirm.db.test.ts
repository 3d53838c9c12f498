import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createSignedInUser,
  type TestSession,
} from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';

const longAgo = new Date('2024-01-10T00:00:00Z');

describe('an editor confirms its facility is still correct (内容に変更なし)', () => {
  let t: TestApp;
  let own: { id: string };
  let other: { id: string };
  let editor: TestSession;
  let editorUser: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp();
    const meguro = await createMeguro(t.db);
    own = await createTestFacility(t.db, {
      type: 'visiting_nurse_station',
      capabilities: ['end_of_life', 'palliative'],
      confirmedAt: { end_of_life: longAgo, palliative: longAgo },
    });
    other = await createTestFacility(t.db, {
      capabilities: ['home_visit'],
      confirmedAt: { home_visit: longAgo },
    });
    const org = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'visiting_nurse_station',
      facilityId: own.id,
    });
    const signedIn = await createSignedInUser(t.db, { role: 'facility_editor', organisationId: org.id });
    editor = signedIn.session;
    editorUser = signedIn;
  });
  afterAll(async () => {
    await t?.close();
  });

  const confirm = (id: string) =>
    t.app.inject({ method: 'POST', url: `/api/directory/facilities/${id}/confirm`, headers: editor.headers });
  const confirmedDates = async (id: string) =>
    (
      await t.db
        .selectFrom('facility_capabilities')
        .select('confirmed_at')
        .where('facility_id', '=', id)
        .execute()
    ).map((r) => new Date(r.confirmed_at).getTime());

  it('refreshes every capability so none shows as unconfirmed for 12 months, and records who did it', async () => {
    const before = Date.now();
    const response = await confirm(own.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ facilityId: own.id, capabilities: 2 });
    for (const at of await confirmedDates(own.id)) expect(at).toBeGreaterThanOrEqual(before - 1000);
    const history = await t.db
      .selectFrom('facility_history')
      .selectAll()
      .where('facility_id', '=', own.id)
      .where('source', '=', 'confirm')
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]?.changed_by_label).toBe(editorUser.email);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'facility.confirm')
      .where('record_id', '=', own.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(editorUser.id);
  });

  it('refuses to confirm a facility that is not its own and leaves its dates alone', async () => {
    const response = await confirm(other.id);
    expect(response.statusCode).toBe(403);
    expect(await confirmedDates(other.id)).toEqual([longAgo.getTime()]);
  });

  it('needs a CSRF token like every staff write', async () => {
    const cookieOnly = { cookie: editor.headers.cookie };
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/directory/facilities/${own.id}/confirm`,
      headers: cookieOnly,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf_invalid');
  });
});
