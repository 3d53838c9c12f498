import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.service';
import { lockForTransaction } from '../db/advisory-lock.queries';
import type { Database, Executor } from '../db/schema';
import { clock } from '../time/clock';
import {
  countAccessLogAfter,
  findLastSealDetails,
  findLastSettledId,
  listAccessLogRange,
  listSealDetails,
} from './access-log.queries';

const GENESIS = '0'.repeat(64);
// Its own advisory lock: two seals at once would both claim the same rows.
const SEAL_LOCK = 7_346_002;
const BATCH = 5_000;
export const SEAL_ACTION = 'access_log.seal';

/**
 * Rows younger than this are left for the next seal: an identity value is taken at insert but the
 * row becomes visible at commit, so a row of a transaction still open could otherwise appear
 * later inside a range already sealed (and verify would call it tampering).
 */
export const DEFAULT_SETTLE_MS = 10_000;

export type SealResult = { sealed: number; fromId: number; toId: number; hash: string } | { sealed: 0 };

type SealDetails = { fromId: number; toId: number; rows: number; hash: string };

type LogRow = {
  id: number | string;
  occurred_at: Date | string;
  municipality_code: string | null;
  actor_user_id: string | null;
  actor_label: string | null;
  patient_id: string | null;
  record_type: string;
  record_id: string | null;
  action: string;
  basis: string | null;
  request_id: string | null;
  client_ip: string | null;
};

/** Chains one access-log row into the running hash (every column, in a fixed order). */
export function chainRow(prev: string, row: LogRow): string {
  const material = JSON.stringify([
    Number(row.id),
    new Date(row.occurred_at).toISOString(),
    row.municipality_code?.trim() ?? null,
    row.actor_user_id,
    row.actor_label,
    row.patient_id,
    row.record_type,
    row.record_id,
    row.action,
    row.basis,
    row.request_id,
    row.client_ip,
  ]);
  return createHash('sha256').update(prev).update('\n').update(material).digest('hex');
}

async function hashRange(
  db: Executor,
  prevHash: string,
  fromId: number,
  toId: number,
): Promise<{ hash: string; rows: number }> {
  let hash = prevHash;
  let rows = 0;
  let after = fromId;
  for (;;) {
    const batch = await listAccessLogRange(db, after, toId, BATCH);
    for (const row of batch) hash = chainRow(hash, row);
    rows += batch.length;
    if (batch.length < BATCH) return { hash, rows };
    after = Number(batch[batch.length - 1]!.id);
  }
}

/**
 * Appends one audit-log row (`access_log.seal`) holding the hash over the access-log rows since the
 * last seal, in id order, chained to the previous seal's hash. Editing, deleting or inserting a row
 * inside a sealed range then shows in verifyAccessLog. Returns `{ sealed: 0 }` when nothing is due.
 */
export async function sealAccessLog(
  db: Kysely<Database>,
  options: { settleMs?: number } = {},
): Promise<SealResult> {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  return db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, SEAL_LOCK);
    const previous = (await findLastSealDetails(trx, SEAL_ACTION)) as SealDetails | undefined;
    const fromId = previous?.toId ?? 0;
    const toId = await findLastSettledId(trx, fromId, new Date(clock.now().getTime() - settleMs));
    if (toId === undefined) return { sealed: 0 } as const;
    const { hash, rows } = await hashRange(trx, previous?.hash ?? GENESIS, fromId, toId);
    const details: SealDetails = { fromId, toId, rows, hash };
    await writeAudit(trx, undefined, {
      action: SEAL_ACTION,
      recordType: 'access_log',
      actorLabel: 'system',
      municipalityCode: null,
      details,
    });
    return { sealed: rows, fromId, toId, hash };
  });
}

export type AccessLogVerification = {
  ok: boolean;
  seals: number;
  checkedRows: number;
  /** Rows after the last seal (not yet covered). */
  unsealedRows: number;
  /** The first seal whose range no longer hashes to what it recorded. */
  brokenSeal?: { fromId: number; toId: number; reason: 'hash' | 'rows' | 'gap' };
};

/** Recomputes every seal's hash from the access-log rows; the audit chain itself is verified apart. */
export async function verifyAccessLog(db: Kysely<Database>): Promise<AccessLogVerification> {
  const seals = (await listSealDetails(db, SEAL_ACTION)) as SealDetails[];
  let prevHash = GENESIS;
  let prevTo = 0;
  let checkedRows = 0;
  for (const seal of seals) {
    if (seal.fromId !== prevTo) {
      return {
        ok: false,
        seals: seals.length,
        checkedRows,
        unsealedRows: 0,
        brokenSeal: { ...seal, reason: 'gap' },
      };
    }
    const { hash, rows } = await hashRange(db, prevHash, seal.fromId, seal.toId);
    if (rows !== seal.rows || hash !== seal.hash) {
      const reason = rows !== seal.rows ? 'rows' : 'hash';
      return {
        ok: false,
        seals: seals.length,
        checkedRows,
        unsealedRows: 0,
        brokenSeal: { fromId: seal.fromId, toId: seal.toId, reason },
      };
    }
    checkedRows += rows;
    prevHash = seal.hash;
    prevTo = seal.toId;
  }
  return { ok: true, seals: seals.length, checkedRows, unsealedRows: await countAccessLogAfter(db, prevTo) };
}
