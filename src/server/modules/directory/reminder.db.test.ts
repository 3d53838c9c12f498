import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, type TestSession } from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { systemContext } from '../../platform/context';
import { setClockForTests } from '../../platform/time/clock';
import { remindStaleFacilities } from './reminder.service';

describe('freshness reminders and one-click confirmation', () => {
  let t: TestApp;
  let admin: TestSession;
  let stale: { id: string };
  const longAgo = new Date(Date.now() - 400 * 86_400_000);

  beforeAll(async () => {
    t = await createTestApp({ BASE_URL: 'https://zaitaku.example.jp' });
    await createMeguro(t.db);
    admin = (await createSignedInUser(t.db, { role: 'ward_admin' })).session;
    stale = await createTestFacility(t.db, {
      name: '古い確認の薬局',
      type: 'pharmacy',
      email: 'info@old-pharmacy.example.jp',
      capabilities: ['sterile_compounding', 'home_medication'],
      confirmedAt: { sterile_compounding: longAgo, home_medication: longAgo },
    });
    await createTestFacility(t.db, {
      name: 'メールのない薬局',
      type: 'pharmacy',
      capabilities: ['home_medication'],
      confirmedAt: { home_medication: longAgo },
    });
    await createTestFacility(t.db, {
      name: '確認済みの薬局',
      type: 'pharmacy',
      email: 'info@fresh.example.jp',
      capabilities: ['home_medication'],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const remind = (dryRun: boolean) =>
    t.app.inject({
      method: 'POST',
      url: '/api/directory/reminders',
      headers: admin.headers,
      payload: { dryRun },
    });

  it('reports in a dry run whom it would remind and queues nothing', async () => {
    const response = await remind(true);
    expect(response.json()).toEqual({ facilities: 2, mailsQueued: 0, skippedWithoutEmail: 1 });
    expect(await t.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(0);
  });

  it('queues one mail with a single-use "still correct" link, which refreshes the confirmed dates', async () => {
    expect((await remind(false)).json()).toEqual({ facilities: 2, mailsQueued: 1, skippedWithoutEmail: 1 });
    const mail = await t.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('info@old-pharmacy.example.jp');
    const token = /https:\/\/zaitaku\.example\.jp\/directory\/confirm\/([A-Za-z0-9_-]+)/.exec(
      mail.body_text,
    )?.[1];
    expect(token).toBeDefined();
    const stored = await t.db.selectFrom('facility_confirm_tokens').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const confirm = await t.app.inject({ method: 'POST', url: `/api/public/confirm/${token}` });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({ facilityId: stale.id, capabilities: 2 });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/public/facilities/${stale.id}` })).json();
    expect(detail.capabilities.every((c: { stale: boolean }) => !c.stale)).toBe(true);

    const reuse = await t.app.inject({ method: 'POST', url: `/api/public/confirm/${token}` });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('directory.confirm_token_invalid');
  });

  it('does not remind the same facility again within 30 days', async () => {
    const tenDaysOn = new Date(Date.now() + 10 * 86_400_000);
    setClockForTests(() => tenDaysOn);
    const later = await remindStaleFacilities(t.deps, systemContext('zaitaku directory remind', '131105'), {
      baseUrl: 'https://zaitaku.example.jp',
    }).finally(() => setClockForTests());
    expect(later).toEqual({ facilities: 1, mailsQueued: 0, skippedWithoutEmail: 1 });
  });
});
