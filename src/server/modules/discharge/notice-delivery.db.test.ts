import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createUser, type TestUser } from '../../../../test/support/factories/accounts';
import {
  createScenePatient,
  notifiedSceneChange,
  openSceneCase,
} from '../../../../test/support/factories/discharge';
import { startSmtp } from '../../../../test/support/smtp';
import type { InboxNotice, InboxPage } from '../../../contracts/inbox';
import { inboxJobs } from '../../platform/inbox/fan-out.job';
import { runDueJobs } from '../../platform/jobs/job-runner';
import { createTransport, deliverDueMail } from '../../platform/mail/outbox.service';

type Detail = {
  id: string;
  notices: Array<{
    id: string;
    kind: string;
    recipientOrganisationId: string | null;
    recipientLabel: string;
    channel: string;
  }>;
};

const FROM = 'noreply@zaitaku.example.jp';
const later = () => new Date(Date.now() + 2 * 3600_000);

describe('discharge notices through the inbox, mail, FAX sheet and phone task', () => {
  const d = startDischargeSuite({ BASE_URL: 'https://zaitaku.example.jp' });

  const fanOut = () => runDueJobs({ deps: d.t.deps, handlers: inboxJobs });
  const statusOf = async (id: string) =>
    (await d.t.db.selectFrom('case_notices').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;
  const openCase = (patientId: string) => openSceneCase<Detail>(d.api, d.s, patientId);
  const inboxOf = async (user: TestUser, recordId: string) =>
    (await d.api.as(user).get<InboxPage>('/api/inbox?limit=100')).body.items.filter(
      (n) => n.recordId === recordId,
    );
  const proposeAndNotify = (patientId: string) => notifiedSceneChange(d.t.db, d.api, d.s, patientId);

  it('moves an admission notice queued → sent → delivered → read → acknowledged with its inbox row', async () => {
    const colleague = await createUser(d.t.db, {
      role: 'clinician',
      municipalityCode: d.s.municipalityCode,
      organisationId: d.s.familyDoctor.organisationId,
    });
    // a facility editor of the same clinic does not see patients: no inbox row for them
    const editor = await createUser(d.t.db, {
      role: 'facility_editor',
      municipalityCode: d.s.municipalityCode,
      organisationId: d.s.familyDoctor.organisationId,
    });
    const patient = await createScenePatient(d.t.db, d.s);
    const detail = await openCase(patient.id);
    const notice = detail.notices.find((n) => n.recipientOrganisationId === d.s.familyDoctor.organisationId);
    expect(notice?.channel).toBe('inbox');
    const id = notice?.id as string;
    expect(await statusOf(id)).toBe('queued');

    await fanOut();
    expect(await statusOf(id)).toBe('sent');
    const [row] = await inboxOf(d.s.familyDoctor.user, id);
    expect(row).toMatchObject({
      kind: 'discharge.admission',
      recordType: 'discharge.notice',
      patientId: patient.id,
      requiresAck: true,
      link: '/staff/discharge/notices',
    });
    expect(row?.body).toContain(patient.name);
    expect(await inboxOf(editor, id)).toEqual([]);

    const smtp = await startSmtp();
    const transport = createTransport(smtp.url);
    try {
      await deliverDueMail({ db: d.t.db, transport }, { from: FROM, now: later() });
    } finally {
      transport.close();
      await smtp.close();
    }
    const mail = smtp.received.find((m) => m.to === d.s.familyDoctor.user.email);
    expect(mail?.text).toContain('https://zaitaku.example.jp/staff/discharge/notices');
    expect(mail?.text).not.toContain(patient.name);
    expect(mail?.subject).not.toContain('入院');
    expect(await statusOf(id)).toBe('delivered');

    expect((await d.api.as(d.s.familyDoctor.user).post(`/api/inbox/${row?.id}/read`)).status).toBe(200);
    expect(await statusOf(id)).toBe('read');

    const ack = await d.api.as(d.s.familyDoctor.user).post<InboxNotice>(`/api/inbox/${row?.id}/acknowledge`);
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(await statusOf(id)).toBe('acknowledged');
    // the colleague's copy is settled by the same step
    const [theirs] = await inboxOf(colleague, id);
    expect(theirs?.acknowledgedAt).not.toBeNull();
    expect(theirs?.readAt).not.toBeNull();
  });

  it('asks for agree/object on a provider change, and the answer settles the inbox row in the same step', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const { notice } = await proposeAndNotify(patient.id);
    await fanOut();
    const [row] = await inboxOf(d.s.familyDoctor.user, notice.id);
    expect(row?.kind).toBe('discharge.provider_change');
    const plain = await d.api
      .as(d.s.familyDoctor.user)
      .post<{ error: { code: string } }>(`/api/inbox/${row?.id}/acknowledge`);
    expect(plain.status).toBe(409);
    expect(plain.body.error.code).toBe('notice.answer_required');
    expect(await statusOf(notice.id)).toBe('sent');
    expect((await inboxOf(d.s.familyDoctor.user, notice.id))[0]?.acknowledgedAt).toBeNull();

    const answer = await d.api
      .as(d.s.familyDoctor.user)
      .post(`/api/discharge-notices/${notice.id}/acknowledge`, {
        answer: 'object',
        reason: '本人と話したい',
      });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await statusOf(notice.id)).toBe('acknowledged');
    const [settled] = await inboxOf(d.s.familyDoctor.user, notice.id);
    expect(settled?.acknowledgedAt).not.toBeNull();
  });

  it('writes the inbox row already settled when the answer came before the fan-out', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const { notice } = await proposeAndNotify(patient.id);
    const answer = await d.api
      .as(d.s.familyDoctor.user)
      .post(`/api/discharge-notices/${notice.id}/acknowledge`, { answer: 'agree' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await fanOut();
    const [row] = await inboxOf(d.s.familyDoctor.user, notice.id);
    expect(row?.acknowledgedAt).not.toBeNull();
    expect(row?.readAt).not.toBeNull();
    expect(await statusOf(notice.id)).toBe('acknowledged');
  });

  it('keeps a notice sent while mail is down, then delivers it once when the server is back', async () => {
    // earlier tests' mails out of the way, so this one counts only its own
    const before = await startSmtp();
    const flush = createTransport(before.url);
    await deliverDueMail({ db: d.t.db, transport: flush }, { from: FROM, now: later() }).finally(() =>
      flush.close(),
    );
    await before.close();
    const patient = await createScenePatient(d.t.db, d.s);
    const detail = await openCase(patient.id);
    const id = detail.notices.find((n) => n.recipientOrganisationId === d.s.familyDoctor.organisationId)
      ?.id as string;
    await fanOut();
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close();
    const down = createTransport(`smtp://127.0.0.1:${port}`);
    try {
      const first = await deliverDueMail({ db: d.t.db, transport: down }, { from: FROM, now: later() });
      expect(first.failed).toBeGreaterThanOrEqual(1);
    } finally {
      down.close();
    }
    expect(await statusOf(id)).toBe('sent');

    const up = await startSmtp(port);
    const transport = createTransport(up.url);
    try {
      const retry = new Date(Date.now() + 6 * 3600_000);
      await deliverDueMail({ db: d.t.db, transport }, { from: FROM, now: retry });
      await deliverDueMail({ db: d.t.db, transport }, { from: FROM, now: retry });
      // a restarted server fans out again and retries again: still one row and one mail
      await fanOut();
      await deliverDueMail({ db: d.t.db, transport }, { from: FROM, now: retry });
    } finally {
      transport.close();
      await up.close();
    }
    expect(up.received.filter((m) => m.to === d.s.familyDoctor.user.email)).toHaveLength(1);
    expect(await statusOf(id)).toBe('delivered');
    expect(await inboxOf(d.s.familyDoctor.user, id)).toHaveLength(1);
  });

  it('asks the 包括 to phone a member with neither an account nor a FAX number, and closes it when called', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const detail = await openCase(patient.id);
    const phone = detail.notices.find((n) => n.recipientOrganisationId === null);
    expect(phone?.channel).toBe('phone');
    await fanOut();
    const [task] = await inboxOf(d.s.center.user, phone?.id as string);
    expect(task).toMatchObject({ kind: 'discharge.phone_task', requiresAck: true });
    expect(task?.title).toContain('電話で伝えてください');
    expect(await statusOf(phone?.id as string)).toBe('queued');
    const called = await d.api.as(d.s.center.user).post(`/api/inbox/${task?.id}/acknowledge`);
    expect(called.status).toBe(200);
    expect(await statusOf(phone?.id as string)).toBe('delivered');
    // The call is on the case's timeline: by phone, to whom, by whom, with what was told.
    const after = await d.api
      .as(d.s.hospital.staff)
      .get<{ contacts: Array<{ kind: string; withWhom: string; outcome: string; recordedBy: string }> }>(
        `/api/discharge-cases/${detail.id}`,
      );
    expect(after.body.contacts).toEqual([
      expect.objectContaining({
        kind: 'phone',
        withWhom: phone?.recipientLabel,
        recordedBy: 'テスト center_staff',
      }),
    ]);
    expect(after.body.contacts[0]?.outcome).toContain('電話で伝えました');
  });

  it('sends a FAX sheet where the member has a FAX number but no account', async () => {
    await d.t.db
      .updateTable('facilities')
      .set({ fax: '03-1111-2222' })
      .where('id', '=', d.s.careManagerFacilityId)
      .execute();
    try {
      const patient = await createScenePatient(d.t.db, d.s);
      const detail = await openCase(patient.id);
      expect(detail.notices.find((n) => n.recipientOrganisationId === null)?.channel).toBe('fax');
    } finally {
      await d.t.db
        .updateTable('facilities')
        .set({ fax: null })
        .where('id', '=', d.s.careManagerFacilityId)
        .execute();
    }
  });
});
