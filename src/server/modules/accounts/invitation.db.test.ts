import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMunicipality,
  createOrganisation,
  createSession,
  createSignedInUser,
  MUNICIPALITIES,
  nextClientAddress,
  sessionCookieFrom,
} from '../../../../test/support/factories/accounts';
import { startSmtp } from '../../../../test/support/smtp';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { createTransport, deliverDueMail, renderMailText } from '../../platform/mail/outbox.service';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';

let t: TestApp;
let now = new Date();
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const linkToken = (text: string, path: string) =>
  new RegExp(`${path}/([\\w-]{43})`).exec(text)?.[1] as string;
/** The text the recipient will get: the outbox keeps the link beside the body, not in it. */
const mailTextOf = async (mailId: string) =>
  renderMailText(
    await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', mailId).executeTakeFirstOrThrow(),
  );

beforeAll(async () => {
  setClockForTests(() => now);
  t = await createTestApp();
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers,
    remoteAddress: nextClientAddress(),
  });
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers, remoteAddress: nextClientAddress() });

describe('invitations', () => {
  it('invites by email, delivers the link over SMTP, and lets the invitee set a password and enrol two-factor', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const office = await createOrganisation(t.db, { kind: 'care_management_office' });
    const created = await post(
      '/api/admin/invitations',
      { email: 'New.Member@Example.JP', organisationId: office.id, role: 'care_manager' },
      admin.session.headers,
    );
    expect(created.statusCode).toBe(201);
    const invitation = created.json();
    expect(invitation).toMatchObject({
      email: 'new.member@example.jp',
      status: 'pending',
      role: 'care_manager',
    });
    expect(new Date(invitation.expiresAt).getTime() - now.getTime()).toBe(7 * 24 * 3_600_000);

    // The outbox view lists the mail, but without the link: that only goes out over SMTP.
    const outbox = (await get('/api/admin/outbox?kind=invitation', admin.session.headers)).json();
    expect(outbox.items.map((m: { id: string }) => m.id)).toContain(invitation.mailId);
    const stored = (await get(`/api/admin/outbox/${invitation.mailId}`, admin.session.headers)).json();
    expect(stored.bodyText).toContain(office.name);
    expect(stored.bodyText).not.toContain('/invite/');
    const storedText = await mailTextOf(invitation.mailId);

    const smtp = await startSmtp();
    try {
      const transport = createTransport(`smtp://127.0.0.1:${smtp.port}`);
      const result = await deliverDueMail({ db: t.db, transport }, { from: 'zaitaku@localhost' });
      transport.close();
      expect(result.sent).toBeGreaterThanOrEqual(1);
    } finally {
      await smtp.close();
    }
    const mail = smtp.received.find((m) => m.to === 'new.member@example.jp');
    expect(mail?.subject).toContain('招待');
    const token = linkToken(mail?.text ?? '', '/invite');
    expect(token).toBe(linkToken(storedText, '/invite'));
    expect(mail?.text).toContain(`http://localhost:80/invite/${token}`);

    const preview = await get(`/api/auth/invitations/${token}`);
    expect(preview.json()).toMatchObject({
      email: 'new.member@example.jp',
      organisationName: office.name,
      role: 'care_manager',
      municipalityName: '目黒区',
    });

    const weak = await post('/api/auth/invitations/accept', {
      token,
      displayName: '新人 太郎',
      password: 'qwertyuiop',
    });
    expect(weak.json().error.code).toBe('auth.weak_password');
    const accepted = await post('/api/auth/invitations/accept', {
      token,
      displayName: '新人 太郎',
      password: 'yuzu-no-kaori-fuyu-2026',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      authenticated: true,
      twoFactor: { status: 'enrolment_required' },
    });
    expect(accepted.json().user.memberships[0]).toMatchObject({
      organisationId: office.id,
      role: 'care_manager',
    });

    const cookie = sessionCookieFrom(accepted.headers['set-cookie']) as string;
    const headers = { cookie, 'x-csrf-token': accepted.json().csrfToken };
    const { secret } = (await post('/api/auth/totp/enrolment', undefined, headers)).json();
    const enrolled = await post(
      '/api/auth/totp/enrolment/confirm',
      { code: totpCode(secret, clock.now()) },
      headers,
    );
    expect(enrolled.json().session.twoFactor.status).toBe('verified');

    expect(
      (
        await post('/api/auth/invitations/accept', {
          token,
          displayName: 'x',
          password: 'yuzu-no-kaori-fuyu-2026',
        })
      ).json().error.code,
    ).toBe('auth.token_invalid');
    const listed = (await get('/api/admin/invitations?status=accepted', admin.session.headers)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(invitation.id);
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', invitation.id)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['invitation.accept', 'invitation.create']);
  });

  it('keeps a mail in the outbox while SMTP is down and delivers it on a later attempt', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const created = await post(
      '/api/admin/invitations',
      { email: 'retry@example.jp', organisationId: admin.organisationId, role: 'center_staff' },
      admin.session.headers,
    );
    const mailId = created.json().mailId as string;

    // Find a free port, then leave it closed: the SMTP server is "down".
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const transport = createTransport(`smtp://127.0.0.1:${port}`);
    const firstAttempt = new Date();
    const down = await deliverDueMail(
      { db: t.db, transport },
      { from: 'zaitaku@localhost', now: firstAttempt },
    );
    expect(down.failed).toBeGreaterThanOrEqual(1);
    const pending = await t.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', mailId)
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending.last_error).toBeTruthy();
    expect(pending.next_attempt_at.getTime()).toBe(firstAttempt.getTime() + 30_000);
    const shown = (await get(`/api/admin/outbox?status=pending`, admin.session.headers)).json();
    expect(shown.items.find((m: { id: string }) => m.id === mailId)).toMatchObject({
      attempts: 1,
      status: 'pending',
    });

    // Not due yet: a run before the backoff ends leaves it alone.
    expect(
      (
        await deliverDueMail(
          { db: t.db, transport },
          { from: 'zaitaku@localhost', now: new Date(firstAttempt.getTime() + 10_000) },
        )
      ).failed,
    ).toBe(0);

    const smtp = await startSmtp(port);
    try {
      const later = await deliverDueMail(
        { db: t.db, transport },
        { from: 'zaitaku@localhost', now: new Date(firstAttempt.getTime() + 31_000) },
      );
      expect(later.sent).toBeGreaterThanOrEqual(1);
    } finally {
      transport.close();
      await smtp.close();
    }
    expect(smtp.received.map((m) => m.to)).toContain('retry@example.jp');
    const sent = await t.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', mailId)
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('lets the admin retry a failed mail now, but not one already sent', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const created = await post(
      '/api/admin/invitations',
      { email: 'failed@example.jp', organisationId: admin.organisationId, role: 'clinician' },
      admin.session.headers,
    );
    const mailId = created.json().mailId as string;
    await t.db
      .updateTable('mail_outbox')
      .set({ status: 'failed', attempts: 10, next_attempt_at: new Date(Date.now() + 3_600_000) })
      .where('id', '=', mailId)
      .execute();
    const retried = await post(`/api/admin/outbox/${mailId}/retry`, undefined, admin.session.headers);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await t.db.updateTable('mail_outbox').set({ status: 'sent' }).where('id', '=', mailId).execute();
    expect(
      (await post(`/api/admin/outbox/${mailId}/retry`, undefined, admin.session.headers)).json().error.code,
    ).toBe('outbox.already_sent');
  });

  it('stops a revoked or expired invitation from working', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const invite = async (email: string) => {
      const created = (
        await post(
          '/api/admin/invitations',
          { email, organisationId: admin.organisationId, role: 'hospital_staff' },
          admin.session.headers,
        )
      ).json();
      return { id: created.id as string, token: linkToken(await mailTextOf(created.mailId), '/invite') };
    };
    const revoked = await invite('revoked@example.jp');
    expect(
      (await post(`/api/admin/invitations/${revoked.id}/revoke`, undefined, admin.session.headers)).json()
        .status,
    ).toBe('revoked');
    expect((await get(`/api/auth/invitations/${revoked.token}`)).json().error.code).toBe(
      'auth.token_invalid',
    );
    expect(
      (await post(`/api/admin/invitations/${revoked.id}/revoke`, undefined, admin.session.headers)).json()
        .error.code,
    ).toBe('invitation.not_pending');

    const stale = await invite('stale@example.jp');
    advance(7 * 24 * 3_600_000 + 1000);
    expect(
      (
        await post('/api/auth/invitations/accept', {
          token: stale.token,
          displayName: '期限 切れ',
          password: 'yuzu-no-kaori-fuyu-2026',
        })
      ).json().error.code,
    ).toBe('auth.token_invalid');
    const fresh = await createSession(t.db, admin); // the admin's own session idled out meanwhile
    const expired = (await get('/api/admin/invitations?status=expired', fresh.headers)).json();
    expect(expired.items.map((i: { id: string }) => i.id)).toContain(stale.id);
  });

  it('refuses to invite an existing user or into another municipality’s organisation', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const taken = await post(
      '/api/admin/invitations',
      { email: admin.email, organisationId: admin.organisationId, role: 'clinician' },
      admin.session.headers,
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('user.email_taken');
    const sapporo = await createMunicipality(t.db, MUNICIPALITIES.sapporo);
    const foreign = await createOrganisation(t.db, { municipalityCode: sapporo });
    const other = await post(
      '/api/admin/invitations',
      { email: 'x@example.jp', organisationId: foreign.id, role: 'clinician' },
      admin.session.headers,
    );
    expect(other.statusCode).toBe(404);
  });

  it('puts BASE_URL-less links on localhost when the Host header is not a loopback name', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const created = await post(
      '/api/admin/invitations',
      { email: 'host@example.jp', organisationId: admin.organisationId, role: 'clinician' },
      { ...admin.session.headers, host: 'evil.example' },
    );
    const body = await mailTextOf(created.json().mailId);
    expect(body).toContain('http://localhost:3000/invite/');
    expect(body).not.toContain('evil.example');
  });
});
