import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createMunicipality, createUser, MUNICIPALITIES } from '../../../../test/support/factories/accounts';
import { startSmtp } from '../../../../test/support/smtp';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { InboxNotice, InboxPage } from '../../../contracts/inbox';
import { type DatabaseHandle, openDatabase } from '../db/database';
import { AppError } from '../errors';
import { runDueJobs } from '../jobs/job-runner';
import { createTransport, deliverDueMail } from '../mail/outbox.service';
import { setClockForTests } from '../time/clock';
import { inboxJobs } from './fan-out.job';
import { type InboxProgressEvent, onInboxProgress } from './inbox-progress';
import { type Notice, publishNotice } from './publish-notice';

let t: TestApp;
let api: ReturnType<typeof createApiClient>;
beforeAll(async () => {
  t = await createTestApp({ BASE_URL: 'https://zaitaku.example.jp' });
  api = createApiClient(t.app);
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});

const publish = (notice: Omit<Notice, 'municipalityCode'> & { municipalityCode?: string }) =>
  t.db
    .transaction()
    .execute((trx) => publishNotice(trx, { municipalityCode: MUNICIPALITIES.meguro.code, ...notice }));
const fanOut = () => runDueJobs({ deps: t.deps, handlers: inboxJobs });
// The notices' mails: signing in from the test client's new browser also mails the user (new device).
const mailsTo = (email: string) =>
  t.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .where('kind', '!=', 'new_device_sign_in')
    .orderBy('created_at')
    .execute();

describe('the inbox', () => {
  it('turns a published notice into one inbox row and one mail per recipient, once', async () => {
    const a = await createUser(t.db, { role: 'facility_editor' });
    const b = await createUser(t.db, { role: 'facility_editor' });
    await publish({
      kind: 'directory.change_request.rejected',
      recipientUserIds: [a.id, b.id, a.id],
      title: '変更の申請が差し戻されました',
      body: '理由：電話番号の桁が足りません。',
      link: '/staff/directory/my-facility',
    });
    expect(await fanOut()).toEqual({ ran: 1, failed: 0 });
    expect(await fanOut()).toEqual({ ran: 0, failed: 0 });
    for (const user of [a, b]) {
      const page = await api.as(user).get<InboxPage>('/api/inbox');
      expect(page.status).toBe(200);
      expect(page.body.unreadCount).toBe(1);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0]).toMatchObject({
        title: '変更の申請が差し戻されました',
        body: '理由：電話番号の桁が足りません。',
        readAt: null,
      });
      const mails = await mailsTo(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('【Zaitaku】変更の申請が差し戻されました');
      expect(mails[0]?.body_text).toContain('https://zaitaku.example.jp/staff/directory/my-facility');
    }
  });

  it('never puts a patient notice’s title or text in the mail', async () => {
    const user = await createUser(t.db, { role: 'facility_editor' });
    await publish({
      kind: 'discharge.test',
      recipientUserIds: [user.id],
      title: '山田花子さんの退院日が決まりました',
      body: '12月10日退院、在宅酸素あり',
      patientId: 'p-1',
    });
    await fanOut();
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).not.toContain('山田');
    expect(mail?.body_text).not.toContain('山田');
    expect(mail?.body_text).not.toContain('酸素');
    expect(mail?.body_text).toContain('https://zaitaku.example.jp/staff/inbox');
    const page = await api.as(user).get<InboxPage>('/api/inbox');
    expect(page.body.items[0]?.body).toBe('12月10日退院、在宅酸素あり');
  });

  it('does not mail when asked not to, and skips disabled users and other municipalities', async () => {
    const active = await createUser(t.db, { role: 'facility_editor' });
    const disabled = await createUser(t.db, { role: 'facility_editor', status: 'disabled' });
    const otherCode = await createMunicipality(t.db, MUNICIPALITIES.sapporo);
    const elsewhere = await createUser(t.db, { role: 'facility_editor', municipalityCode: otherCode });
    await publish({
      kind: 'test.quiet',
      recipientUserIds: [active.id, disabled.id, elsewhere.id],
      title: 'お知らせ',
      body: '本文',
      mail: false,
    });
    await fanOut();
    const rows = await t.db
      .selectFrom('inbox_notices')
      .select('user_id')
      .where('kind', '=', 'test.quiet')
      .execute();
    expect(rows.map((r) => r.user_id)).toEqual([active.id]);
    expect(await mailsTo(active.email)).toEqual([]);
  });

  it('lists newest first in pages, and marks one or all read', async () => {
    const user = await createUser(t.db, { role: 'facility_editor' });
    let now = new Date('2026-12-02T00:00:00Z');
    setClockForTests(() => now);
    for (let i = 1; i <= 3; i++) {
      await publish({
        kind: 'test.list',
        recipientUserIds: [user.id],
        title: `お知らせ ${i}`,
        body: `${i}`,
        mail: false,
      });
      await fanOut();
      now = new Date(now.getTime() + 1000);
    }
    setClockForTests();
    const first = await api.as(user).get<InboxPage>('/api/inbox?limit=2');
    expect(first.body.items.map((n) => n.title)).toEqual(['お知らせ 3', 'お知らせ 2']);
    expect(first.body.unreadCount).toBe(3);
    const second = await api.as(user).get<InboxPage>(`/api/inbox?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n) => n.title)).toEqual(['お知らせ 1']);
    expect(second.body.nextCursor).toBeNull();

    const read = await api.as(user).post<InboxNotice>(`/api/inbox/${first.body.items[0]?.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(
      (await api.as(user).get<{ unreadCount: number }>('/api/inbox/unread-count')).body.unreadCount,
    ).toBe(2);
    const all = await api.as(user).post<{ updated: number }>('/api/inbox/read-all');
    expect(all.body.updated).toBe(2);
    expect((await api.as(user).get<InboxPage>('/api/inbox')).body.unreadCount).toBe(0);
  });

  it('lists unread first, then newest, and pages through both parts without a gap or a repeat', async () => {
    const user = await createUser(t.db, { role: 'facility_editor' });
    let now = new Date('2026-12-03T00:00:00Z');
    setClockForTests(() => now);
    for (let i = 1; i <= 5; i++) {
      await publish({
        kind: 'test.order',
        recipientUserIds: [user.id],
        title: `N${i}`,
        body: `${i}`,
        mail: false,
      });
      await fanOut();
      now = new Date(now.getTime() + 1000);
    }
    setClockForTests();
    const listed = (await api.as(user).get<InboxPage>('/api/inbox')).body.items;
    // Read the newest and the second oldest: the unread N4, N3, N1 come first.
    for (const title of ['N5', 'N2']) {
      const id = listed.find((n) => n.title === title)?.id;
      expect((await api.as(user).post(`/api/inbox/${id}/read`)).status).toBe(200);
    }
    const titles: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api.as(user).get<InboxPage>(`/api/inbox?limit=2${query}`);
      expect(page.status).toBe(200);
      expect(page.body.unreadCount).toBe(3);
      titles.push(...page.body.items.map((n) => n.title));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(titles).toEqual(['N4', 'N3', 'N1', 'N5', 'N2']);
    const bad = Buffer.from(JSON.stringify(['2026-12-03T00:00:00.000Z', 'x'])).toString('base64url');
    expect((await api.as(user).get(`/api/inbox?cursor=${bad}`)).status).toBe(400);
  });

  it('skips none of the notices written within one millisecond when paging', async () => {
    const user = await createUser(t.db, { role: 'facility_editor' });
    for (let i = 1; i <= 3; i++) {
      await publish({
        kind: 'test.ms',
        recipientUserIds: [user.id],
        title: `M${i}`,
        body: `${i}`,
        mail: false,
      });
    }
    await fanOut();
    // As one fan-out run writes them: microseconds apart, inside one millisecond.
    await sql`update inbox_notices set created_at = timestamptz '2026-12-04 00:00:00.000100+00' + (cast(body as int) * interval '100 microseconds')
      where user_id = ${user.id}`.execute(t.db);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 4; pages++) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api.as(user).get<InboxPage>(`/api/inbox?limit=1${query}`);
      seen.push(...page.body.items.map((n) => n.title));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(['M1', 'M2', 'M3']);
  });

  it('shows a caller only their own notices: another’s is 404', async () => {
    const owner = await createUser(t.db, { role: 'facility_editor' });
    const other = await createUser(t.db, { role: 'ward_admin' });
    await publish({
      kind: 'test.own',
      recipientUserIds: [owner.id],
      title: '私信',
      body: '本文',
      mail: false,
    });
    await fanOut();
    const [notice] = (await api.as(owner).get<InboxPage>('/api/inbox')).body.items;
    expect((await api.as(other).get<InboxPage>('/api/inbox')).body.items.map((n) => n.id)).not.toContain(
      notice?.id,
    );
    expect((await api.as(other).post(`/api/inbox/${notice?.id}/read`)).status).toBe(404);
    expect((await api.as(other).post(`/api/inbox/${notice?.id}/acknowledge`)).status).toBe(404);
    expect((await api.anonymous.get('/api/inbox')).status).toBe(401);
  });

  it('acknowledges only notices that ask for it', async () => {
    const user = await createUser(t.db, { role: 'facility_editor' });
    await publish({
      kind: 'test.ack',
      recipientUserIds: [user.id],
      title: '要確認',
      body: '本文',
      mail: false,
      requiresAck: true,
    });
    await publish({
      kind: 'test.noack',
      recipientUserIds: [user.id],
      title: '通知',
      body: '本文',
      mail: false,
    });
    await fanOut();
    const items = (await api.as(user).get<InboxPage>('/api/inbox')).body.items;
    const ack = items.find((n) => n.kind === 'test.ack');
    const plain = items.find((n) => n.kind === 'test.noack');
    const res = await api.as(user).post<InboxNotice>(`/api/inbox/${ack?.id}/acknowledge`);
    expect(res.status).toBe(200);
    expect(res.body.acknowledgedAt).not.toBeNull();
    expect(res.body.readAt).not.toBeNull();
    const refused = await api
      .as(user)
      .post<{ error: { code: string } }>(`/api/inbox/${plain?.id}/acknowledge`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('inbox.ack_not_required');
  });
});

describe('progress reported to the record type’s hook', () => {
  it('reports sent, delivered, read and acknowledged, and a refusing hook rolls the step back', async () => {
    const heard: InboxProgressEvent[] = [];
    let refuse = false;
    onInboxProgress('test.progress', async (_trx, event) => {
      if (refuse && event.progress === 'acknowledged') throw new AppError('inbox.ack_not_required');
      heard.push(event);
    });
    const user = await createUser(t.db, { role: 'facility_editor' });
    await publish({
      kind: 'test.progress',
      recipientUserIds: [user.id],
      title: '進み具合',
      body: '本文',
      recordType: 'test.progress',
      recordId: 'r-1',
      requiresAck: true,
    });
    await fanOut();
    const smtp = await startSmtp();
    const transport = createTransport(smtp.url);
    try {
      await deliverDueMail(
        { db: t.db, transport },
        { from: 'noreply@zaitaku.example.jp', now: new Date(Date.now() + 3600_000) },
      );
    } finally {
      transport.close();
      await smtp.close();
    }
    const [notice] = (await api.as(user).get<InboxPage>('/api/inbox')).body.items;
    await api.as(user).post(`/api/inbox/${notice?.id}/read`);
    refuse = true;
    const refused = await api.as(user).post(`/api/inbox/${notice?.id}/acknowledge`);
    expect(refused.status).toBe(409);
    expect((await api.as(user).get<InboxPage>('/api/inbox')).body.items[0]?.acknowledgedAt).toBeNull();
    refuse = false;
    expect((await api.as(user).post(`/api/inbox/${notice?.id}/acknowledge`)).status).toBe(200);
    expect(heard.map((e) => [e.progress, e.recordId, e.userId])).toEqual([
      ['sent', 'r-1', user.id],
      ['delivered', 'r-1', user.id],
      ['read', 'r-1', user.id],
      ['acknowledged', 'r-1', user.id],
    ]);
  });
});

describe('notice mail through a real SMTP server', () => {
  it('is kept while mail is down and delivered once when it is back', async () => {
    const user = await createUser(t.db, { role: 'facility_editor' });
    await publish({
      kind: 'test.smtp',
      recipientUserIds: [user.id],
      title: '承認されました',
      body: '本文',
      link: '/staff/directory/my-facility',
    });
    await fanOut();
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close();
    // Down: the mail stays in the outbox with the error and a retry time.
    const down = createTransport(`smtp://127.0.0.1:${port}`);
    const firstTry = await deliverDueMail(
      { db: t.db, transport: down },
      { from: 'noreply@zaitaku.example.jp', now: new Date() },
    );
    down.close();
    expect(firstTry.failed).toBeGreaterThanOrEqual(1);
    const [pending] = await mailsTo(user.email);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    // Up again on the same port, after the backoff: sent once, and never again.
    const up = await startSmtp(port);
    const transport = createTransport(`smtp://127.0.0.1:${port}`);
    try {
      const later = new Date(Date.now() + 60 * 60_000);
      await deliverDueMail({ db: t.db, transport }, { from: 'noreply@zaitaku.example.jp', now: later });
      await deliverDueMail({ db: t.db, transport }, { from: 'noreply@zaitaku.example.jp', now: later });
      // Fanning out again (a restarted server) neither repeats the inbox row nor the mail.
      await fanOut();
      await deliverDueMail({ db: t.db, transport }, { from: 'noreply@zaitaku.example.jp', now: later });
    } finally {
      transport.close();
      await up.close();
    }
    const mine = up.received.filter((m) => m.to === user.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toBe('【Zaitaku】承認されました');
    expect(mine[0]?.text).toContain('https://zaitaku.example.jp/staff/directory/my-facility');
    expect(await mailsTo(user.email)).toMatchObject([{ status: 'sent' }]);
  });

  it('is sent once when two server instances send at the same time', async () => {
    const users = [
      await createUser(t.db, { role: 'facility_editor' }),
      await createUser(t.db, { role: 'facility_editor' }),
    ];
    await publish({
      kind: 'test.two',
      recipientUserIds: users.map((u) => u.id),
      title: '二重送信なし',
      body: '本文',
    });
    await fanOut();
    // On PostgreSQL a second pool is a second server; PGlite has one session, so both share it.
    const url = (t.database as DatabaseHandle & { url?: string }).url;
    const second =
      t.database.engine === 'postgres' && url
        ? await openDatabase({ DATABASE_URL: url, DATA_DIR: '', DATABASE_POOL_SIZE: 2 })
        : undefined;
    const smtp = await startSmtp();
    const a = createTransport(`smtp://127.0.0.1:${smtp.port}`);
    const b = createTransport(`smtp://127.0.0.1:${smtp.port}`);
    try {
      const later = new Date(Date.now() + 60 * 60_000);
      await Promise.all([
        deliverDueMail({ db: t.db, transport: a }, { from: 'noreply@zaitaku.example.jp', now: later }),
        deliverDueMail(
          { db: second?.db ?? t.db, transport: b },
          { from: 'noreply@zaitaku.example.jp', now: later },
        ),
      ]);
    } finally {
      a.close();
      b.close();
      await smtp.close();
      await second?.close();
    }
    for (const user of users) {
      expect(smtp.received.filter((m) => m.to === user.email)).toHaveLength(1);
    }
  });
});
