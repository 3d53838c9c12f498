import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMunicipality,
  logInOverHttp,
  MUNICIPALITIES,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { readInstallationSetting } from '../../platform/installation-settings.queries';
import { createAdmin } from './admin-bootstrap.service';
import { DEMO_PASSWORD, DEMO_USERS, seedAccountsDemo } from './demo.seed';
import { totpCode } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const quiet = () => undefined;

describe('demo seed', () => {
  it('creates one demo account per role and the dental desk’s for 目黒区, and seeding twice adds nothing', async () => {
    // Only this module's seeder: other modules' demo data is theirs to test.
    await createMunicipality(t.db, MUNICIPALITIES.meguro);
    await seedAccountsDemo(t.deps, '131105', quiet);
    const count = async () => ({
      users: (await t.db.selectFrom('users').select('id').where('is_demo', '=', true).execute()).length,
      organisations: (
        await t.db
          .selectFrom('organisations')
          .select('id')
          .where('municipality_code', '=', '131105')
          .execute()
      ).length,
      memberships: (await t.db.selectFrom('memberships').select('id').execute()).length,
    });
    const first = await count();
    await seedAccountsDemo(t.deps, '131105', quiet);
    expect(await count()).toEqual(first);
    expect(first.users).toBe(7);
    expect(first.organisations).toBe(11);
    const roles = await t.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.role')
      .where('u.is_demo', '=', true)
      .execute();
    expect(roles.map((r) => r.role).sort()).toEqual(
      [
        'care_manager',
        'center_staff',
        'clinician',
        'clinician',
        'facility_editor',
        'hospital_staff',
        'ward_admin',
      ].sort(),
    );
    // The dental association's かかりつけ歯科医紹介窓口: an organisation of kind association, with its desk account.
    const desk = await t.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.kind', 'o.name', 'm.role'])
      .where('u.email', '=', 'dentaldesk@demo.zaitaku.jp')
      .execute();
    expect(desk).toEqual([
      { kind: 'association', name: '目黒区歯科医師会 かかりつけ歯科医紹介窓口（デモ）', role: 'clinician' },
    ]);
    const centers = await t.db
      .selectFrom('organisations')
      .select('name')
      .where('kind', '=', 'community_support_center')
      .execute();
    expect(centers.map((c) => c.name)).toContain('目黒区北部地域包括支援センター（デモ）');
  });

  it('writes the start banner with the accounts, the password and how to get a code', async () => {
    const banner = ((await readInstallationSetting<string[]>(t.db, 'demo_banner')) ?? []).join('\n');
    for (const user of DEMO_USERS) {
      expect(banner).toContain(user.email);
      expect(banner).toContain(user.totpSecret);
    }
    expect(banner).toContain(DEMO_PASSWORD);
    expect(banner).toContain('npx zaitaku demo-code');
  });

  it('lets the demo ward admin log in with the published password and secret', async () => {
    const admin = DEMO_USERS.find((u) => u.role === 'ward_admin');
    const session = await logInOverHttp(
      t.app,
      { email: admin?.email as string, password: DEMO_PASSWORD, totpSecret: admin?.totpSecret as string },
      (s) => totpCode(s, new Date()),
    );
    const users = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: session.headers });
    expect(users.statusCode).toBe(200);
    expect(users.json().items.filter((u: { isDemo: boolean }) => u.isDemo)).toHaveLength(DEMO_USERS.length);
  });
});

describe('create-admin', () => {
  it('registers a known municipality, generates a one-time password and requires changing it', async () => {
    const created = await createAdmin(t.deps, {
      email: 'Chief@Iizuka.example.jp',
      name: '飯塚 管理者',
      municipalityCode: MUNICIPALITIES.iizuka.code,
    });
    expect(created).toMatchObject({ email: 'chief@iizuka.example.jp', municipalityName: '飯塚市' });
    expect(created.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: created.email, password: created.oneTimePassword },
    });
    expect(login.json()).toMatchObject({
      passwordChangeRequired: true,
      twoFactor: { status: 'enrolment_required' },
    });
    expect(login.json().user.municipalityCode).toBe('402052');
  });

  it('refuses an invalid or unknown municipality, a taken email and a weak password', async () => {
    await expect(
      createAdmin(t.deps, { email: 'a@example.jp', name: 'a', municipalityCode: '131106' }),
    ).rejects.toMatchObject({ code: 'municipality.invalid_code' });
    await expect(
      createAdmin(t.deps, { email: 'a@example.jp', name: 'a', municipalityCode: '011011' }),
    ).rejects.toMatchObject({ code: 'municipality.unknown' });
    await createMunicipality(t.db, MUNICIPALITIES.meguro);
    await expect(
      createAdmin(t.deps, { email: 'chief@iizuka.example.jp', name: 'a', municipalityCode: '402052' }),
    ).rejects.toMatchObject({ code: 'user.email_taken' });
    await expect(
      createAdmin(t.deps, {
        email: 'b@example.jp',
        name: 'b',
        municipalityCode: '131105',
        password: 'password',
      }),
    ).rejects.toMatchObject({ code: 'auth.weak_password' });
    const ok = await createAdmin(t.deps, {
      email: 'b@example.jp',
      name: 'b',
      municipalityCode: '131105',
      password: 'suzumushi-no-koe-aki',
    });
    expect(ok.oneTimePassword).toBeUndefined();
  });
});
