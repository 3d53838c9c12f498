import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import '../../../contracts/accounts';
import type { CliCommand } from '../../platform/cli-command';
import type { Config } from '../../platform/config';
import { withDatabase } from '../../platform/db/with-database';
import { AppError, isAppError } from '../../platform/errors';
import { createAdmin } from './admin-bootstrap.service';
import { DEMO_USERS } from './demo.seed';
import { TOTP_PERIOD_SECONDS, totpCode } from './totp';
import { resealTotpSecrets } from './totp-secret.service';
import { openTotpSecret, totpKeyFrom } from './totp-secret-box';
import { findUserByEmail } from './user.queries';

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * The demo account's TOTP secret: from the database when it can be opened, else — while `npm start`
 * holds the embedded database — the secret the seed published, which is the one a newcomer needs.
 * Throws auth.not_demo_account for any other account.
 */
/**
 * Which database the command opened: without DATA_DIR it creates an empty ./data, and a newcomer
 * whose server runs elsewhere was only told the account is not a demo account.
 */
export function openedDatabaseHint(config: Config, publishedDemoEmail: boolean): string {
  let where: string;
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    where = `PostgreSQL ${url.host}${url.pathname}`;
  } else where = `PGlite ${resolve(config.DATA_DIR)}`;
  const lines = [`開いたデータベース / opened database: ${where}`];
  if (publishedDemoEmail)
    lines.push(
      'デモのサーバーと同じ DATA_DIR（または DATABASE_URL）を指定して、もう一度実行してください。 / Run it again with the DATA_DIR (or DATABASE_URL) of the demo server.',
    );
  return lines.join('\n');
}

async function findDemoSecret(config: Config, email: string): Promise<string> {
  const published = DEMO_USERS.find((u) => u.email === email.trim().toLowerCase());
  try {
    return await withDatabase(config, async ({ db }) => {
      const user = await findUserByEmail(db, email);
      // Only demo accounts: for a real account this would defeat two-factor for anyone with a shell.
      if (!user?.is_demo || !user.totp_secret)
        throw new AppError('auth.not_demo_account', { hint: openedDatabaseHint(config, Boolean(published)) });
      return openTotpSecret(user.totp_secret, totpKeyFrom(config));
    });
  } catch (error) {
    if (published && isAppError(error) && error.code === 'database.locked') return published.totpSecret;
    throw error;
  }
}

export const accountsCommands: CliCommand[] = [
  {
    name: 'create-admin',
    summary: '区の管理者アカウントを作成する / create a ward administrator',
    usage: 'zaitaku create-admin --email E --name N [--municipality 131105]',
    async run(args, config) {
      const { values } = parseArgs({
        args,
        options: { email: { type: 'string' }, name: { type: 'string' }, municipality: { type: 'string' } },
      });
      if (!values.email || !values.name) {
        process.stderr.write(
          '使い方 / usage: zaitaku create-admin --email E --name N [--municipality 131105]\n',
        );
        return 2;
      }
      return withDatabase(config, async (deps) => {
        const created = await createAdmin(deps, {
          email: values.email as string,
          name: values.name as string,
          municipalityCode: values.municipality ?? config.DEFAULT_MUNICIPALITY,
          password: process.env.ZAITAKU_ADMIN_PASSWORD || undefined,
        });
        out(`区の管理者を作成しました / ward admin created: ${created.email} (${created.municipalityName})`);
        if (created.oneTimePassword) {
          out(`一時パスワード / one-time password: ${created.oneTimePassword}`);
          out('初回ログイン時に、パスワードの変更と二要素認証の設定を行ってください。');
          out('At first login, change this password and set up two-factor authentication.');
        } else {
          out(
            'ZAITAKU_ADMIN_PASSWORD のパスワードを設定しました。初回ログイン時に二要素認証を設定してください。',
          );
          out('Password taken from ZAITAKU_ADMIN_PASSWORD; set up two-factor authentication at first login.');
        }
        return 0;
      });
    },
  },
  {
    name: 'demo-code',
    summary: 'デモアカウントの現在の確認コードを表示する / print a demo account’s current TOTP code',
    usage: 'zaitaku demo-code <email>',
    async run(args, config) {
      const email = args[0];
      if (!email) {
        process.stderr.write('使い方 / usage: zaitaku demo-code <email>\n');
        return 2;
      }
      const secret = await findDemoSecret(config, email);
      const now = new Date();
      const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
      out(totpCode(secret, now));
      process.stderr.write(`（あと ${left} 秒有効 / valid for ${left} more seconds）\n`);
      return 0;
    },
  },
  {
    name: 'totp',
    summary: '二要素認証の秘密を新しい鍵で暗号化し直す / re-seal TOTP secrets under a new key',
    usage: 'zaitaku totp rotate',
    async run(args, config) {
      if (args[0] !== 'rotate') {
        process.stderr.write(
          '使い方 / usage: TOTP_ENCRYPTION_KEY=新 TOTP_ENCRYPTION_KEY_PREVIOUS=旧 zaitaku totp rotate\n',
        );
        return 2;
      }
      try {
        const done = await withDatabase(config, (deps) => resealTotpSecrets(deps));
        out(
          `${done.users} 件の二要素認証の設定を新しい鍵で暗号化し直しました。TOTP_ENCRYPTION_KEY_PREVIOUS は削除できます / re-sealed ${done.users} secrets (${done.pendingOffers} pending offers); TOTP_ENCRYPTION_KEY_PREVIOUS may now be removed`,
        );
        return 0;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const hint = (error.details as { hint?: string } | undefined)?.hint;
        process.stderr.write(`${error.message}${hint ? `\n  ${hint}` : ''} [${error.code}]\n`);
        return 1;
      }
    },
  },
];
