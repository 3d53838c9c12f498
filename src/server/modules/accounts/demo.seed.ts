import type { OrganisationKind, Role } from '../../../contracts/roles';
import { writeInstallationSetting } from '../../platform/installation-settings.queries';
import type { ModuleDeps } from '../../platform/module';
import { hashPassword } from './password';
import { checkPasswordStrength } from './password-strength';
import { sealTotpSecret, totpKeyFrom } from './totp-secret-box';
import { findUserByEmail, updateUser } from './user.queries';

/** Published on purpose: the demo is for trying Zaitaku out, never for real data. */
export const DEMO_PASSWORD = 'Meguro-Zaitaku-Demo-2026';
export const DEMO_MUNICIPALITY = '131105';

type DemoOrganisation = { key: string; kind: OrganisationKind; name: string; kana: string };
type DemoUser = { email: string; role: Role; name: string; organisation: string; totpSecret: string };

// Clearly fictional names (（デモ）) so nobody mistakes them for the ward's real offices.
const organisations: DemoOrganisation[] = [
  { key: 'ward', kind: 'ward_section', name: '目黒区福祉総合課（デモ）', kana: 'めぐろくふくしそうごうか' },
  ...(['北部', '東部', '中央', '南部', '西部'] as const).map((area, i) => ({
    key: `center-${i}`,
    kind: 'community_support_center' as const,
    name: `目黒区${area}地域包括支援センター（デモ）`,
    kana: `めぐろく${['ほくぶ', 'とうぶ', 'ちゅうおう', 'なんぶ', 'せいぶ'][i]}ちいきほうかつしえんせんたー`,
  })),
  {
    key: 'hospital',
    kind: 'hospital',
    name: 'デモ目黒さくら病院（デモ）',
    kana: 'でもめぐろさくらびょういん',
  },
  {
    key: 'clinic',
    kind: 'clinic',
    name: 'デモ青葉在宅クリニック（デモ）',
    kana: 'でもあおばざいたくくりにっく',
  },
  {
    key: 'nursing',
    kind: 'visiting_nurse_station',
    name: 'デモひまわり訪問看護ステーション（デモ）',
    kana: 'でもひまわりほうもんかんごすてーしょん',
  },
  {
    key: 'care',
    kind: 'care_management_office',
    name: 'デモけやき居宅介護支援事業所（デモ）',
    kana: 'でもけやききょたくかいごしえんじぎょうしょ',
  },
  {
    // The dental association's かかりつけ歯科医紹介制度: a desk that names the dentist (issue 14 item 6).
    key: 'dental-desk',
    kind: 'association',
    name: '目黒区歯科医師会 かかりつけ歯科医紹介窓口（デモ）',
    kana: 'めぐろくしかいしかい かかりつけしかいしょうかいまどぐち',
  },
];

/**
 * One account per role, each with a fixed TOTP secret a newcomer can type into an authenticator app,
 * and, last, the dental association desk's account (a second clinician: `role` alone does not name
 * one account, the email does).
 */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@demo.zaitaku.jp',
    role: 'ward_admin',
    name: '目黒 花子（区管理者・デモ）',
    organisation: 'ward',
    totpSecret: 'WNG2A57Q4O5IS4HMJV3C3SMSNSZD6OXS',
  },
  {
    email: 'center@demo.zaitaku.jp',
    role: 'center_staff',
    name: '北村 一郎（包括・デモ）',
    organisation: 'center-0',
    totpSecret: 'J6SYMEJSWZXCRXPLNJBP5GXN7PMPBCNX',
  },
  {
    email: 'hospital@demo.zaitaku.jp',
    role: 'hospital_staff',
    name: '桜井 由美（病院・デモ）',
    organisation: 'hospital',
    totpSecret: 'BM2BETK2AKDFX73NFA4HQD2XUKMN6AKQ',
  },
  {
    email: 'clinician@demo.zaitaku.jp',
    role: 'clinician',
    name: '青葉 健（医師・デモ）',
    organisation: 'clinic',
    totpSecret: 'AIGQZCVVWKJ72F5AEHH62JVRUN6223QB',
  },
  {
    email: 'caremanager@demo.zaitaku.jp',
    role: 'care_manager',
    name: '欅田 明美（ケアマネ・デモ）',
    organisation: 'care',
    totpSecret: 'VS2Z34ZVN2CNR22775JYE5VSGUV5MJ6T',
  },
  {
    email: 'editor@demo.zaitaku.jp',
    role: 'facility_editor',
    name: '日向 葵（施設編集・デモ）',
    organisation: 'nursing',
    totpSecret: '4SSUAAMTP2J6GS6K3FCYFIDU6NHX3U77',
  },
  {
    email: 'dentaldesk@demo.zaitaku.jp',
    role: 'clinician',
    name: '白石 沙織（歯科医師会 紹介窓口・デモ）',
    organisation: 'dental-desk',
    totpSecret: 'N6WLT6GA4WU2V6DKEWRQEDIVVIGLGFS4',
  },
];

/** Name of the demo organisation whose facility_editor edits a facility (the directory links it). */
export const DEMO_FACILITY_EDITOR_ORGANISATION = 'デモひまわり訪問看護ステーション（デモ）';

/**
 * Demo organisations and accounts for 目黒区, and the start banner. Idempotent: re-running
 * restores the published password and secrets of the demo accounts and adds nothing twice.
 */
export async function seedAccountsDemo(
  deps: ModuleDeps,
  municipalityCode: string,
  log: (line: string) => void,
): Promise<void> {
  if (municipalityCode !== DEMO_MUNICIPALITY) {
    log(
      `  accounts: デモアカウントは目黒区（${DEMO_MUNICIPALITY}）のみです / demo accounts exist for 131105 only`,
    );
    return;
  }
  // Checked as each demo user would be (their email and name), the rule a real user meets.
  const strength = checkPasswordStrength(
    DEMO_PASSWORD,
    DEMO_USERS.flatMap((user) => [user.email, user.name]),
  );
  if (!strength.ok) throw new Error(`demo password fails the strength rule: ${strength.reason}`);
  const hash = await hashPassword(DEMO_PASSWORD, deps.config.PASSWORD_SCRYPT_LOG_N);
  // A hand-written transaction on purpose: seeding the demo is not a use case (no request, no
  // actor, nothing audited); it only needs the demo's rows to land together or not at all.
  await deps.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const o of organisations) {
      await trx
        .insertInto('organisations')
        .values({
          municipality_code: municipalityCode,
          kind: o.kind,
          name: o.name,
          name_kana: o.kana,
          facility_id: null,
        })
        .onConflict((oc) => oc.constraint('organisations_name_unique').doNothing())
        .execute();
      const row = await trx
        .selectFrom('organisations')
        .select('id')
        .where('municipality_code', '=', municipalityCode)
        .where('name', '=', o.name)
        .executeTakeFirstOrThrow();
      ids.set(o.key, row.id);
    }
    for (const u of DEMO_USERS) {
      const existing = await findUserByEmail(trx, u.email);
      const published = {
        password_hash: hash,
        totp_secret: sealTotpSecret(u.totpSecret, totpKeyFrom(deps.config)),
        totp_enrolled_at: new Date(),
        totp_last_step: null,
        status: 'active' as const,
        failed_attempts: 0,
        locked_until: null,
        is_demo: true,
      };
      let userId = existing?.id;
      if (existing) {
        if (!existing.is_demo) continue; // never take over a real account that happens to share the email
        await updateUser(trx, existing.id, published);
      } else {
        const row = await trx
          .insertInto('users')
          .values({
            municipality_code: municipalityCode,
            email: u.email,
            display_name: u.name,
            last_login_at: null,
            ...published,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        userId = row.id;
      }
      await trx
        .insertInto('memberships')
        .values({
          municipality_code: municipalityCode,
          user_id: userId as string,
          organisation_id: ids.get(u.organisation) as string,
          role: u.role,
        })
        .onConflict((oc) => oc.constraint('memberships_unique').doNothing())
        .execute();
    }
    const banner = demoBanner();
    await writeInstallationSetting(trx, 'demo_banner', banner);
  });
  log(
    `  accounts: 組織 ${organisations.length} 件、デモアカウント ${DEMO_USERS.length} 件 / organisations and demo accounts`,
  );
}

/** The lines the server prints at every start while the demo exists. */
export function demoBanner(): string[] {
  return [
    '',
    'デモ用アカウント（目黒区 131105） / demo accounts (Meguro City):',
    '  （役割・メールアドレス・認証アプリ用の秘密鍵 / role, email, TOTP secret）',
    ...DEMO_USERS.map((u) => `  ${u.role.padEnd(18)}${u.email.padEnd(32)}${u.totpSecret}`),
    `  パスワード（全員共通） / password (all accounts): ${DEMO_PASSWORD}`,
    '  二要素認証 / two-factor:',
    '    秘密鍵を認証アプリ（Google Authenticator、Microsoft Authenticator など）に「手動で入力」で登録するか、',
    '    `npx zaitaku demo-code <メールアドレス>` で現在の6桁の確認コードを表示してください。',
    '    Add the secret to any TOTP app, or run `npx zaitaku demo-code <email>` to print the current code.',
    '  SMTP_URL を設定しない場合、招待などのメールは送信されず、管理画面の「送信メール」で読めます。',
    '  Without SMTP_URL, mails stay in the outbox: read them under Admin → Outbox.',
  ];
}
