import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignedInUser,
  createUser,
  nextClientAddress,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { deliverDueMail } from '../../platform/mail/outbox.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BASE_URL: 'https://zaitaku.example.jp' });
});
afterAll(async () => {
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
const LINK = /https:\/\/zaitaku\.example\.jp\/(invite|reset-password)\/[\w-]{43}/;

/** A transport that keeps what it is given (the SMTP conversation itself is tested in invitation.db.test.ts). */
function keepingTransport(): { transport: Transporter; sent: { to: string; text: string }[] } {
  const sent: { to: string; text: string }[] = [];
  const transport = {
    sendMail: async (mail: { to: string; text: string }) => {
      sent.push({ to: mail.to, text: mail.text });
      return {};
    },
  } as unknown as Transporter;
  return { transport, sent };
}

async function rowOf(id: string) {
  return t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('links in the outbox', () => {
  it('keeps reset and invitation links out of the stored body and the admin view, and drops them once sent', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const user = await createUser(t.db, { role: 'clinician' });
    expect((await post('/api/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    const invited = await post(
      '/api/admin/invitations',
      { email: 'secret-link@example.jp', organisationId: admin.organisationId, role: 'clinician' },
      admin.session.headers,
    );
    const reset = await t.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', user.email)
      .where('kind', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    for (const id of [reset.id, invited.json().mailId as string]) {
      expect((await rowOf(id)).body_text).not.toMatch(LINK);
      const view = await t.app.inject({
        method: 'GET',
        url: `/api/admin/outbox/${id}`,
        headers: admin.session.headers,
      });
      expect(view.statusCode).toBe(200);
      expect(JSON.stringify(view.json())).not.toMatch(/\/(invite|reset-password)\/[\w-]{20,}/);
    }

    const { transport, sent } = keepingTransport();
    await deliverDueMail({ db: t.db, transport }, { from: 'zaitaku@localhost' });
    expect(sent.find((m) => m.to === user.email)?.text).toMatch(LINK);
    expect(sent.find((m) => m.to === 'secret-link@example.jp')?.text).toMatch(LINK);
    for (const id of [reset.id, invited.json().mailId as string]) {
      const row = await rowOf(id);
      expect(row.status).toBe('sent');
      expect(JSON.stringify(row)).not.toMatch(LINK);
    }
  });
});
