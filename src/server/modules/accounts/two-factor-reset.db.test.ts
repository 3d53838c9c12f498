import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignedInUser,
  createUser,
  nextClientAddress,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const reset = (userId: string, headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${userId}/reset-two-factor`,
    headers,
    remoteAddress: nextClientAddress(),
  });
const mailsTo = (email: string) =>
  t.db
    .selectFrom('mail_outbox')
    .select(['kind', 'body_text'])
    .where('to_address', '=', email)
    .where('kind', '=', 'two_factor_reset')
    .orderBy('created_at')
    .execute();
const secretOf = async (id: string) =>
  (await t.db.selectFrom('users').select('totp_secret').where('id', '=', id).executeTakeFirstOrThrow())
    .totp_secret;

describe('resetting another person’s two-factor', () => {
  it('needs a second ward admin to approve, and mails the person at the request and at the reset', async () => {
    const first = await createSignedInUser(t.db, { role: 'ward_admin' });
    const second = await createSignedInUser(t.db, { role: 'ward_admin' });
    const user = await createUser(t.db, { role: 'hospital_staff' });

    const requested = await reset(user.id, first.session.headers);
    expect(requested.statusCode).toBe(202);
    expect(requested.json()).toMatchObject({
      twoFactorEnrolled: true,
      twoFactorResetRequestedBy: first.email,
    });
    expect(await secretOf(user.id)).not.toBeNull();
    expect((await mailsTo(user.email)).map((m) => m.body_text).join('\n')).toContain(first.email);

    const again = await reset(user.id, first.session.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('user.two_factor_reset_needs_second_admin');
    expect(await secretOf(user.id)).not.toBeNull();

    const approved = await reset(user.id, second.session.headers);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ twoFactorEnrolled: false, twoFactorResetRequestedBy: null });
    expect(await secretOf(user.id)).toBeNull();
    expect(await mailsTo(user.email)).toHaveLength(2);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'user.reset_two_factor')
      .where('record_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(second.id);
    expect(JSON.stringify(audit.details)).toContain(first.id);
  });
});
