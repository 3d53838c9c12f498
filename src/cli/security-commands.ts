import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyAuditChain } from '../server/platform/audit/audit.service';
import {
  type AuditAnchor,
  checkAnchor,
  readAnchor,
  readAnchorFile,
  writeAnchorFile,
} from '../server/platform/audit/audit-anchor';
import type { CliCommand } from '../server/platform/cli-command';
import { grantRuntimeRole } from '../server/platform/db/runtime-role';
import { withDatabase } from '../server/platform/db/with-database';
import { isAppError } from '../server/platform/errors';
import { optionValue } from './platform-commands';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const AUDIT_USAGE = 'zaitaku audit verify [--anchor FILE] | zaitaku audit anchor --out FILE';

async function verify(args: string[], config: Parameters<CliCommand['run']>[1]): Promise<number> {
  const anchorFile = optionValue(args, '--anchor');
  return withDatabase(config, async ({ db }) => {
    let anchor: AuditAnchor | undefined;
    try {
      if (anchorFile) anchor = readAnchorFile(resolve(anchorFile));
    } catch (error) {
      if (!isAppError(error)) throw error;
      const hint = (error.details as { hint?: string } | undefined)?.hint;
      err(`${error.message}${hint ? `\n  ${hint}` : ''} [${error.code}]`);
      return 1;
    }
    const result = await verifyAuditChain({ db });
    if (!result.ok) {
      err(
        `監査ログの改ざんを検出しました: id ${result.firstBrokenId} (${result.reason}) / audit log tampered at id ${result.firstBrokenId} (${result.reason})`,
      );
      return 1;
    }
    if (anchor) {
      const check = await checkAnchor(db, anchor);
      if (!check.ok) {
        err(
          `監査ログがアンカー（id ${anchor.lastId}、${anchor.createdAt}）と一致しません。新しい行が削除されたか、ログが書き換えられています / audit log does not match the anchor at id ${anchor.lastId} (${check.reason})`,
        );
        return 1;
      }
    }
    out(`監査ログは正常です（${result.checked} 件） / audit log intact (${result.checked} rows)`);
    if (anchor) out(`  アンカー id ${anchor.lastId} と一致 / matches the anchor at id ${anchor.lastId}`);
    if (result.legacyRows > 0) {
      out(
        `  うち ${result.legacyRows} 件は鍵なし（SHA-256）の旧形式です / ${result.legacyRows} rows predate the keyed chain (plain SHA-256)`,
      );
    }
    return 0;
  });
}

async function anchor(args: string[], config: Parameters<CliCommand['run']>[1]): Promise<number> {
  const file = optionValue(args, '--out');
  if (!file) {
    err(`使い方 / usage: ${AUDIT_USAGE}`);
    return 2;
  }
  if (existsSync(file)) {
    err(`${file} はすでにあります。別のファイル名を指定してください / ${file} exists; choose another name`);
    return 1;
  }
  return withDatabase(config, async ({ db }) => {
    // Anchoring a broken chain would bless the tampering: verify first.
    const result = await verifyAuditChain({ db });
    if (!result.ok) {
      err(
        `監査ログの改ざんを検出したため、アンカーを作成しません: id ${result.firstBrokenId} / audit log tampered at id ${result.firstBrokenId}; no anchor written`,
      );
      return 1;
    }
    const head = await readAnchor(db);
    if (!head) {
      err('監査ログが空のため、アンカーは作成しません / the audit log is empty; nothing to anchor');
      return 1;
    }
    writeAnchorFile(resolve(file), head);
    out(
      `アンカーを作成しました: ${file}（id ${head.lastId}）。データベースとは別の場所に保管してください / anchor written at id ${head.lastId}; keep it away from the database`,
    );
    return 0;
  });
}

export const securityCommands: CliCommand[] = [
  {
    name: 'audit',
    summary: '監査ログの改ざんを検査する・先頭を記録する / verify or anchor the audit log chain',
    usage: AUDIT_USAGE,
    async run(args, config) {
      if (args[0] === 'verify') return verify(args.slice(1), config);
      if (args[0] === 'anchor') return anchor(args.slice(1), config);
      err(`使い方 / usage: ${AUDIT_USAGE}`);
      return 2;
    },
  },
  {
    name: 'db',
    summary: 'PostgreSQL の実行用ロールに最小の権限を与える（所有者で実行） / grant the runtime role',
    usage: 'zaitaku db grant-runtime ROLE',
    async run(args, config) {
      const role = args[1];
      if (args[0] !== 'grant-runtime' || !role) {
        err(
          '使い方 / usage: zaitaku db grant-runtime ROLE   (DATABASE_URL は所有者ロールで / as the owner role)',
        );
        return 2;
      }
      if (!config.DATABASE_URL) {
        err('PostgreSQL（DATABASE_URL）でだけ使えます / only for PostgreSQL (DATABASE_URL)');
        return 2;
      }
      return withDatabase(config, async ({ db }) => {
        await grantRuntimeRole(db as never, role);
        out(
          `${role} に実行用の権限を与えました（監査ログは SELECT と INSERT のみ）。サーバーは ${role} で接続してください / granted; connect the server as ${role}`,
        );
        return 0;
      });
    },
  },
];
