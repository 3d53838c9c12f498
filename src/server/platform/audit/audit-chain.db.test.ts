import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, type Selectable, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testAuditAction } from '../../../../test/support/audit-actions';
import { openTestDatabase } from '../../../../test/support/test-db';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import { hashRow, hmacRow, verifyAuditChain, writeAudit } from './audit.service';
import { checkAnchor, readAnchor, readAnchorFile, writeAnchorFile } from './audit-anchor';
import { auditKeyFromSecret, installAuditKey } from './audit-key';

const key = auditKeyFromSecret('audit-chain-test-key-0123456789abcdefghij', 'env');
const guessed = auditKeyFromSecret('an-attackers-guess-at-the-key-0123456789', 'env');

type Row = Selectable<Database['audit_log']>;

/** Everything someone with the owner's rights can do: triggers off, any statement, triggers on. */
async function asOwner(db: Kysely<Database>, run: () => Promise<unknown>): Promise<void> {
  await sql`alter table audit_log disable trigger user`.execute(db);
  try {
    await run();
  } finally {
    await sql`alter table audit_log enable trigger user`.execute(db);
  }
}

async function rows(db: Kysely<Database>): Promise<Row[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

/** Rewrites every row from `fromId` on so each links to its predecessor, hashed by `rehash`. */
async function rechain(
  db: Kysely<Database>,
  fromId: number,
  rehash: (row: Row) => Partial<Row> & { hash: string },
) {
  const all = await rows(db);
  let prev = all[all.findIndex((r) => r.id === fromId) - 1]?.hash ?? '0'.repeat(64);
  for (const row of all.filter((r) => r.id >= fromId)) {
    const next = { ...row, prev_hash: prev, occurred_at: new Date(row.occurred_at) };
    const changed = rehash(next);
    await db
      .updateTable('audit_log')
      .set({ prev_hash: prev, ...changed } as never)
      .where('id', '=', row.id)
      .execute();
    prev = changed.hash;
  }
}

describe('the keyed audit chain', () => {
  let handle: DatabaseHandle;
  let dir: string;
  const ctx = { requestId: 'req-chain', clientIp: '127.0.0.1', municipalityCode: '131105' };

  beforeAll(async () => {
    installAuditKey(key);
    handle = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'zaitaku-anchor-'));
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await asOwner(handle.db, () => sql`delete from audit_log`.execute(handle.db));
    for (let i = 0; i < 6; i++) {
      await writeAudit(handle.db, ctx, {
        action: testAuditAction('test.chain'),
        recordType: 'thing',
        recordId: String(i),
      });
    }
  });

  it('writes every new row as an HMAC under the installed key, naming the key', async () => {
    const written = await rows(handle.db);
    expect(written.every((r) => r.hash_alg === 'hmac-sha256' && r.key_id === key.id)).toBe(true);
    expect(await verifyAuditChain({ db: handle.db }, { key })).toMatchObject({
      ok: true,
      checked: 6,
      legacyRows: 0,
    });
  });

  it('fails when a row is edited and the following rows are recomputed with plain SHA-256', async () => {
    const target = (await rows(handle.db))[2]!.id;
    await asOwner(handle.db, async () => {
      await handle.db
        .updateTable('audit_log')
        .set({ record_id: 'forged' })
        .where('id', '=', target)
        .execute();
      await rechain(handle.db, target, (row) => ({
        hash_alg: 'sha256',
        key_id: null,
        hash: hashRow({ ...row, record_id: row.id === target ? 'forged' : row.record_id }),
      }));
    });
    const result = await verifyAuditChain({ db: handle.db }, { key });
    expect(result).toMatchObject({ ok: false, firstBrokenId: target, reason: 'downgrade' });
  });

  it('fails when every row is recomputed with an HMAC under another key', async () => {
    const first = (await rows(handle.db))[0]!.id;
    await asOwner(handle.db, () =>
      rechain(handle.db, first, (row) => ({ key_id: key.id, hash: hmacRow(row, guessed) })),
    );
    const result = await verifyAuditChain({ db: handle.db }, { key });
    expect(result).toMatchObject({ ok: false, firstBrokenId: first, reason: 'hash' });
  });

  it('still verifies rows from before the key, and the first keyed row seals them', async () => {
    // Rows as the previous version wrote them: plain SHA-256, then new rows keyed on top.
    await asOwner(handle.db, () => sql`delete from audit_log`.execute(handle.db));
    let prev = '0'.repeat(64);
    for (let i = 0; i < 3; i++) {
      const row = {
        occurred_at: new Date(Date.UTC(2026, 3, 1, 0, 0, i)),
        municipality_code: '131105',
        actor_user_id: null,
        actor_organisation_id: null,
        actor_label: null,
        action: 'legacy.event',
        outcome: 'success' as const,
        record_type: null,
        record_id: String(i),
        patient_id: null,
        request_id: null,
        client_ip: null,
        details: null,
        prev_hash: prev,
      };
      prev = hashRow(row);
      await handle.db
        .insertInto('audit_log')
        .values({ ...row, hash_alg: 'sha256', key_id: null, hash: prev })
        .execute();
    }
    await writeAudit(handle.db, ctx, { action: testAuditAction('test.after_upgrade') });
    expect(await verifyAuditChain({ db: handle.db }, { key })).toMatchObject({
      ok: true,
      checked: 4,
      legacyRows: 3,
    });

    // An edit among the old rows, with the old chain recomputed, breaks at the first keyed row.
    const all = await rows(handle.db);
    const keyedId = all[3]!.id;
    await asOwner(handle.db, async () => {
      await handle.db
        .updateTable('audit_log')
        .set({ record_id: 'forged' })
        .where('id', '=', all[1]!.id)
        .execute();
      await rechain(handle.db, all[1]!.id, (row) =>
        row.hash_alg === 'sha256' ? { hash: hashRow(row) } : { hash: row.hash },
      );
    });
    expect(await verifyAuditChain({ db: handle.db }, { key })).toMatchObject({
      ok: false,
      firstBrokenId: keyedId,
      reason: 'hash',
    });
  });

  it('detects the newest rows deleted against an anchor written before', async () => {
    const anchor = (await readAnchor(handle.db, key))!;
    const file = join(dir, `anchor-${Date.now()}.json`);
    writeAnchorFile(file, anchor);
    const all = await rows(handle.db);
    await asOwner(handle.db, () => handle.db.deleteFrom('audit_log').where('id', '>=', all[4]!.id).execute());
    // The shortened chain is consistent in itself: only the anchor shows the loss.
    expect(await verifyAuditChain({ db: handle.db }, { key })).toMatchObject({ ok: true, checked: 4 });
    expect(await checkAnchor(handle.db, readAnchorFile(file, key))).toEqual({
      ok: false,
      reason: 'anchor_missing',
    });
  });

  it('detects a replaced head against the anchor, and accepts the grown chain', async () => {
    const anchor = (await readAnchor(handle.db, key))!;
    await writeAudit(handle.db, ctx, { action: testAuditAction('test.later') });
    expect(await checkAnchor(handle.db, anchor)).toEqual({ ok: true });
    await asOwner(handle.db, () =>
      handle.db
        .updateTable('audit_log')
        .set({ hash: 'f'.repeat(64) })
        .where('id', '=', anchor.lastId)
        .execute(),
    );
    expect(await checkAnchor(handle.db, anchor)).toEqual({ ok: false, reason: 'anchor_changed' });
  });

  it('refuses an anchor file that was edited or signed under another key', async () => {
    const anchor = (await readAnchor(handle.db, key))!;
    const file = join(dir, `edited-${Date.now()}.json`);
    writeAnchorFile(file, anchor);
    const edited = JSON.parse(readFileSync(file, 'utf8')) as { lastId: number };
    edited.lastId -= 2;
    const editedFile = `${file}.edited`;
    writeFileSync(editedFile, JSON.stringify(edited));
    expect(() => readAnchorFile(editedFile, key)).toThrow(
      expect.objectContaining({ code: 'audit.anchor_invalid' }),
    );
    expect(() => readAnchorFile(file, guessed)).toThrow(
      expect.objectContaining({ code: 'audit.anchor_invalid' }),
    );
    expect(readAnchorFile(file, key).lastId).toBe(anchor.lastId);
  });
});
