import { createHash, createHmac } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AuditAction } from '../../../contracts/audit-actions';
import type { RequestContext } from '../context';
import { lockForTransaction } from '../db/advisory-lock.queries';
import type { Database, Executor } from '../db/schema';
import type { ModuleDeps } from '../module';
import { type AuditKey, currentAuditKey } from './audit-key';
import './audit.table';

export type AuditEntry = {
  action: AuditAction;
  outcome?: 'success' | 'failure' | 'denied';
  recordType?: string;
  recordId?: string;
  patientId?: string;
  details?: Record<string, unknown>;
  /** Overrides for events without a signed-in actor (e.g. a failed login names the email tried). */
  actorLabel?: string;
  actorUserId?: string;
  municipalityCode?: string | null;
};

const GENESIS = '0'.repeat(64);
// One advisory lock key for the chain: appends are serialised so each row names its true predecessor.
const CHAIN_LOCK = 7_346_001;

/** Appends one audit row inside the caller's transaction (or its own one). */
export async function writeAudit(
  executor: Executor,
  ctx: RequestContext | undefined,
  entry: AuditEntry,
): Promise<void> {
  if (executor.isTransaction) {
    await appendRow(executor as Transaction<Database>, ctx, entry);
    return;
  }
  await executor.transaction().execute((trx) => appendRow(trx, ctx, entry));
}

async function appendRow(trx: Transaction<Database>, ctx: RequestContext | undefined, entry: AuditEntry) {
  await lockForTransaction(trx, CHAIN_LOCK);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const actor = ctx?.actor;
  const row = {
    occurred_at: new Date(),
    municipality_code:
      entry.municipalityCode !== undefined
        ? entry.municipalityCode
        : (actor?.municipalityCode ?? ctx?.municipalityCode ?? null),
    actor_user_id: entry.actorUserId ?? actor?.userId ?? null,
    actor_organisation_id: actor?.memberships[0]?.organisationId ?? null,
    actor_label: entry.actorLabel ?? actor?.email ?? ctx?.system ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    record_type: entry.recordType ?? null,
    record_id: entry.recordId ?? null,
    patient_id: entry.patientId ?? null,
    request_id: ctx?.requestId ?? null,
    client_ip: ctx?.clientIp ?? null,
    details: entry.details ?? null,
    prev_hash: last?.hash ?? GENESIS,
  };
  const key = currentAuditKey();
  const hash = hmacRow(row, key);
  await trx
    .insertInto('audit_log')
    .values({
      ...row,
      details: row.details === null ? null : JSON.stringify(row.details),
      hash_alg: 'hmac-sha256',
      key_id: key.id,
      hash,
    })
    .execute();
}

type HashedFields = {
  occurred_at: Date;
  municipality_code: string | null;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_label: string | null;
  action: string;
  outcome: string;
  record_type: string | null;
  record_id: string | null;
  patient_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  details: unknown;
  prev_hash: string;
};

/** The plain SHA-256 of rows written before the chain was keyed; kept to verify them. */
export function hashRow(row: HashedFields): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(rowMaterial(row)).digest('hex');
}

/** The keyed hash: without the key, a changed row's hash (and every later one) cannot be recomputed. */
export function hmacRow(row: HashedFields, key: AuditKey): string {
  return createHmac('sha256', key.secret)
    .update('zaitaku-audit hmac-sha256 v1\n')
    .update(key.id)
    .update('\n')
    .update(row.prev_hash)
    .update('\n')
    .update(rowMaterial(row))
    .digest('hex');
}

function rowMaterial(row: HashedFields): string {
  return canonicalJson([
    row.occurred_at.toISOString(),
    row.municipality_code?.trim() ?? null,
    row.actor_user_id,
    row.actor_organisation_id,
    row.actor_label,
    row.action,
    row.outcome,
    row.record_type,
    row.record_id,
    row.patient_id,
    row.request_id,
    row.client_ip,
    row.details ?? null,
  ]);
}

/** JSON with sorted object keys: jsonb does not keep key order, the hash must not depend on it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type AuditVerification = {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  /** link, hash, key (keyed under another key), downgrade (an unkeyed row after a keyed one). */
  reason?: 'link' | 'hash' | 'key' | 'downgrade';
  /** Rows from before the chain was keyed: only as strong as plain SHA-256 until a keyed row follows. */
  legacyRows: number;
  /** The last row verified: what an anchor records. */
  head?: { id: number; hash: string };
};

/**
 * Recomputes the whole chain in id order; reports the first row whose link, key or hash does not
 * match. Unkeyed rows are accepted only before the first keyed one: otherwise an editor could
 * relabel the rows after an edit as unkeyed and recompute them with plain SHA-256.
 */
export async function verifyAuditChain(
  deps: Pick<ModuleDeps, 'db'>,
  input: { key?: AuditKey } = {},
): Promise<AuditVerification> {
  const { db } = deps;
  const key = input.key ?? currentAuditKey();
  let prev = GENESIS;
  let checked = 0;
  let legacyRows = 0;
  let keyed = false;
  let after = 0;
  let head: AuditVerification['head'];
  const broken = (id: number, reason: NonNullable<AuditVerification['reason']>): AuditVerification => ({
    ok: false,
    checked,
    firstBrokenId: id,
    reason,
    legacyRows,
    head,
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prev) return broken(row.id, 'link');
      const fields = { ...row, occurred_at: new Date(row.occurred_at) };
      if (row.hash_alg === 'sha256') {
        if (keyed || row.key_id !== null) return broken(row.id, 'downgrade');
        if (hashRow(fields) !== row.hash) return broken(row.id, 'hash');
        legacyRows++;
      } else {
        if (row.key_id !== key.id) return broken(row.id, 'key');
        if (hmacRow(fields, key) !== row.hash) return broken(row.id, 'hash');
        keyed = true;
      }
      prev = row.hash;
      checked++;
      after = row.id;
      head = { id: row.id, hash: row.hash };
    }
  }
  return { ok: true, checked, legacyRows, head };
}
