import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { type AuditKey, currentAuditKey } from './audit-key';

/**
 * The chain's head, kept outside the database. The chain itself cannot show that its newest rows
 * were removed; a signed record of an earlier head can: that row must still be there, unchanged.
 */
export type AuditAnchor = {
  format: 'zaitaku-audit-anchor';
  version: 1;
  lastId: number;
  lastHash: string;
  rows: number;
  createdAt: string;
  keyId: string;
  mac: string;
};

type Unsigned = Omit<AuditAnchor, 'mac'>;

function macOf(anchor: Unsigned, key: AuditKey): string {
  const material = JSON.stringify([
    anchor.format,
    anchor.version,
    anchor.lastId,
    anchor.lastHash,
    anchor.rows,
    anchor.createdAt,
    anchor.keyId,
  ]);
  return createHmac('sha256', key.secret).update('zaitaku-audit anchor v1\n').update(material).digest('hex');
}

/** The current head of the chain, signed with the audit key; undefined for an empty log. */
export async function readAnchor(
  db: Kysely<Database>,
  key: AuditKey = currentAuditKey(),
): Promise<AuditAnchor | undefined> {
  const head = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return undefined;
  const count = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const unsigned: Unsigned = {
    format: 'zaitaku-audit-anchor',
    version: 1,
    lastId: head.id,
    lastHash: head.hash,
    rows: Number(count.n),
    createdAt: new Date().toISOString(),
    keyId: key.id,
  };
  return { ...unsigned, mac: macOf(unsigned, key) };
}

/** Writes the anchor as one JSON file (mode 0600: it names no secret, but it is the operator's). */
export function writeAnchorFile(path: string, anchor: AuditAnchor): void {
  writeFileSync(path, `${JSON.stringify(anchor, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
}

/** Reads an anchor and checks its signature. Throws audit.anchor_invalid. */
export function readAnchorFile(path: string, key: AuditKey = currentAuditKey()): AuditAnchor {
  const invalid = (problem: string) =>
    new AppError('audit.anchor_invalid', { file: path, hint: `${path}: ${problem}` });
  let value: Partial<AuditAnchor>;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Partial<AuditAnchor>;
  } catch (error) {
    throw invalid((error as Error).message);
  }
  if (
    value.format !== 'zaitaku-audit-anchor' ||
    value.version !== 1 ||
    typeof value.lastId !== 'number' ||
    typeof value.lastHash !== 'string' ||
    typeof value.rows !== 'number' ||
    typeof value.createdAt !== 'string' ||
    typeof value.keyId !== 'string' ||
    typeof value.mac !== 'string'
  ) {
    throw invalid('アンカーファイルではありません / not an anchor file');
  }
  const anchor = value as AuditAnchor;
  if (anchor.keyId !== key.id) {
    throw invalid(`別の鍵（${anchor.keyId}）で署名されています / signed under another key (${anchor.keyId})`);
  }
  const expected = Buffer.from(macOf(anchor, key), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('署名が一致しません（変更されています） / signature does not match (changed)');
  }
  return anchor;
}

export type AnchorCheck = { ok: true } | { ok: false; reason: 'anchor_missing' | 'anchor_changed' };

/**
 * The anchored row must still exist with the anchored hash. When it is gone, rows up to the
 * anchor's head were removed (or the log replaced); when its hash differs, the chain was
 * rewritten from that row back.
 */
export async function checkAnchor(db: Kysely<Database>, anchor: AuditAnchor): Promise<AnchorCheck> {
  const row = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('id', '=', anchor.lastId)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'anchor_missing' };
  if (row.hash !== anchor.lastHash) return { ok: false, reason: 'anchor_changed' };
  return { ok: true };
}
