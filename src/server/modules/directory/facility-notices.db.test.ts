import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createOrganisation, createUser, type TestUser } from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { ChangeRequestDto } from '../../../contracts/directory';
import type { InboxPage } from '../../../contracts/inbox';
import { inboxJobs } from '../../platform/inbox/fan-out.job';
import { collectJobHandlers, runDueJobs } from '../../platform/jobs/job-runner';
import { setClockForTests } from '../../platform/time/clock';
import { directoryJobs } from './directory.jobs';

let t: TestApp;
let api: ReturnType<typeof createApiClient>;
let facility: { id: string; version: number };
let editor: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let admin: TestUser;
const handlers = collectJobHandlers(inboxJobs, directoryJobs);
const runJobs = () => runDueJobs({ deps: t.deps, handlers, batchSize: 50 });

beforeAll(async () => {
  t = await createTestApp();
  const meguro = await createMeguro(t.db);
  facility = await createTestFacility(t.db, {
    type: 'visiting_nurse_station',
    name: 'ひまわり訪問看護ステーション',
    capabilities: ['end_of_life'],
  });
  const org = await createOrganisation(t.db, {
    municipalityCode: meguro,
    kind: 'visiting_nurse_station',
    facilityId: facility.id,
  });
  editor = await createUser(t.db, {
    role: 'facility_editor',
    organisationId: org.id,
    municipalityCode: meguro,
  });
  colleague = await createUser(t.db, {
    role: 'facility_editor',
    organisationId: org.id,
    municipalityCode: meguro,
  });
  outsider = await createUser(t.db, { role: 'facility_editor', municipalityCode: meguro });
  admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: meguro });
  api = createApiClient(t.app);
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});

// Read from the table while the clock is moved: a session would look idle for days.
const remindersOf = async (user: TestUser) =>
  t.db
    .selectFrom('inbox_notices')
    .select('id')
    .where('user_id', '=', user.id)
    .where('kind', '=', 'directory.confirmation.reminder')
    .execute();
const inboxOf = async (user: TestUser) => (await api.as(user).get<InboxPage>('/api/inbox')).body;
const currentVersion = async () =>
  (
    await t.db
      .selectFrom('facilities')
      .select('version')
      .where('id', '=', facility.id)
      .executeTakeFirstOrThrow()
  ).version;
const propose = async (phone: string) => {
  const res = await api
    .as(editor)
    .post<ChangeRequestDto>(`/api/directory/facilities/${facility.id}/change-requests`, {
      baseVersion: await currentVersion(),
      changes: { phone },
    });
  expect(res.status).toBe(201);
  return res.body;
};

describe('notices to a facility’s editors', () => {
  it('tells every editor of the facility that a change was rejected, with the reason, in the inbox and by mail', async () => {
    const request = await propose('03-1111-2222');
    const decided = await api.as(admin).post(`/api/directory/change-requests/${request.id}/decision`, {
      decision: 'reject',
      reason: '電話番号が代表番号と違います',
    });
    expect(decided.status).toBe(200);
    await runJobs();
    for (const user of [editor, colleague]) {
      const inbox = await inboxOf(user);
      const notice = inbox.items.find((n) => n.kind === 'directory.change_request.rejected');
      expect(notice?.body).toContain('理由：電話番号が代表番号と違います');
      expect(notice).toMatchObject({
        link: '/staff/directory/my-facility',
        recordId: facility.id,
        readAt: null,
      });
      const mails = await t.db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('to_address', '=', user.email)
        .execute();
      expect(mails.map((m) => m.subject)).toContain(
        '【Zaitaku】変更の申請が差し戻されました（ひまわり訪問看護ステーション）',
      );
    }
    expect((await inboxOf(outsider)).items).toEqual([]);
  });

  it('tells the editors of an approval', async () => {
    const request = await propose('03-3333-4444');
    await api
      .as(admin)
      .post(`/api/directory/change-requests/${request.id}/decision`, { decision: 'approve' });
    await runJobs();
    expect((await inboxOf(editor)).items.map((n) => n.kind)).toContain('directory.change_request.approved');
  });

  it('tells the editors of a resident’s error report, with its text', async () => {
    const res = await api.anonymous.post(`/api/public/facilities/${facility.id}/reports`, {
      category: 'hours',
      message: '土曜日は休みになりました',
    });
    expect(res.status).toBe(201);
    await runJobs();
    const notice = (await inboxOf(colleague)).items.find((n) => n.kind === 'directory.error_report.received');
    expect(notice?.body).toContain('「受付時間」');
    expect(notice?.body).toContain('土曜日は休みになりました');
  });

  it('lets an editor withdraw their pending request, only once, and not someone else’s facility’s', async () => {
    const request = await propose('03-5555-6666');
    expect(
      (await api.as(outsider).post(`/api/directory/change-requests/${request.id}/withdraw`)).status,
    ).toBe(403);
    const withdrawn = await api
      .as(colleague)
      .post<ChangeRequestDto>(`/api/directory/change-requests/${request.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await api
      .as(editor)
      .post<{ error: { code: string } }>(`/api/directory/change-requests/${request.id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('directory.request_not_pending');
    const decide = await api
      .as(admin)
      .post(`/api/directory/change-requests/${request.id}/decision`, { decision: 'approve' });
    expect(decide.status).toBe(409);
  });

  it('runs the confirmation reminder as a daily job on working days and tells the editors', async () => {
    await t.db
      .updateTable('facility_capabilities')
      .set({ confirmed_at: new Date('2025-01-01T00:00:00Z') })
      .execute();
    await t.db.updateTable('facilities').set({ reminded_at: null }).execute();
    // Saturday 5 December 2026, 09:00 in Tokyo: the job runs and does nothing.
    setClockForTests(() => new Date('2026-12-05T00:00:00Z'));
    await t.db
      .insertInto('jobs')
      .values({
        kind: 'directory.remind',
        payload: '{}',
        dedupe_key: 'daily',
        last_error: null,
        locked_by: null,
        locked_until: null,
        done_at: null,
        run_at: new Date('2026-12-05T00:00:00Z'),
      })
      .execute();
    await runJobs();
    expect(await remindersOf(editor)).toEqual([]);
    // Sunday's occurrence is overdue on Monday 7 December, a working day: it runs then, once.
    setClockForTests(() => new Date('2026-12-07T00:00:00Z'));
    await runJobs(); // the reminder
    await runJobs(); // its fan-out
    await runJobs(); // nothing more is due
    setClockForTests();
    expect(await remindersOf(editor)).toHaveLength(1);
    expect(await remindersOf(colleague)).toHaveLength(1);
    const pending = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'directory.remind')
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((j) => new Date(j.run_at).toISOString())).toEqual(['2026-12-08T00:00:00.000Z']);
    const sent = await t.db
      .selectFrom('audit_log')
      .select(['actor_label', 'actor_user_id'])
      .where('action', '=', 'facility.reminder.send')
      .execute();
    expect(sent).toEqual([{ actor_label: 'directory.remind', actor_user_id: null }]);
  });
});
