import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/audit.service';
import type { Database } from '../db/schema';
import { clock } from '../time/clock';
import './access-log.table';

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

async function lastSeal(db: Kysely<Database>): Promise<SealDetails | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', SEAL_ACTION)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.details as SealDetails | undefined;
}

async function hashRange(
  db: Kysely<Database>,
  prevHash: string,
  fromId: number,
  toId: number,
): Promise<{ hash: string; rows: number }> {
  let hash = prevHash;
  let rows = 0;
  let after = fromId;
  for (;;) {
    const batch = await db
      .selectFrom('access_log')
      .selectAll()
      .where('id', '>', after)
      .where('id', '<=', toId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
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
    await sql`select pg_advisory_xact_lock(${SEAL_LOCK})`.execute(trx);
    const previous = await lastSeal(trx);
    const fromId = previous?.toId ?? 0;
    const before = new Date(clock.now().getTime() - settleMs);
    const top = await trx
      .selectFrom('access_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('id', '>', fromId)
      .where('occurred_at', '<=', before)
      .executeTakeFirst();
    const toId = top?.id == null ? undefined : Number(top.id);
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
  const seals = await db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', SEAL_ACTION)
    .orderBy('id')
    .execute();
  let prevHash = GENESIS;
  let prevTo = 0;
  let checkedRows = 0;
  for (const { details } of seals) {
    const seal = details as SealDetails;
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
  const tail = await db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', '>', prevTo)
    .executeTakeFirstOrThrow();
  return { ok: true, seals: seals.length, checkedRows, unsealedRows: Number(tail.n) };
}
