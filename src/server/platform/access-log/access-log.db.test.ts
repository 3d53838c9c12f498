import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../test/support/factories/accounts';
import { openTestDatabase } from '../../../../test/support/test-db';
import { verifyAuditChain } from '../audit/audit.service';
import type { RequestContext } from '../context';
import { sealAccessLog, verifyAccessLog } from './access-log.seal';
import { recordAccess, recordAccesses, recordListAccess, withAccessBatch } from './access-log.service';

const database = await openTestDatabase();
const db = database.db;
afterAll(async () => database.close());
await createMunicipality(db);

const ctx: RequestContext = { requestId: 'req-1', clientIp: '192.0.2.7', municipalityCode: '131105' };
const patient = crypto.randomUUID();

async function tamper(statement: ReturnType<typeof sql>) {
  // Only a superuser can do this: the triggers keep the application itself from it.
  await sql`alter table access_log disable trigger access_log_no_change`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`alter table access_log enable trigger access_log_no_change`.execute(db);
  }
}

describe('the access log', () => {
  it('refuses updates and deletes', async () => {
    await recordAccess(db, ctx, {
      patientId: patient,
      recordType: 'patient',
      recordId: patient,
      action: 'read',
      basis: 'circle',
    });
    await expect(sql`update access_log set action = 'write'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from access_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('seals the rows since the last seal into the audit chain, and verify finds them intact', async () => {
    await recordAccesses(db, ctx, [
      { patientId: patient, recordType: 'patient_list', action: 'read' },
      { patientId: patient, recordType: 'patient', recordId: patient, action: 'write', basis: 'circle' },
    ]);
    const first = await sealAccessLog(db, { settleMs: 0 });
    expect(first).toMatchObject({ sealed: 3, fromId: 0 });
    expect(await sealAccessLog(db, { settleMs: 0 })).toEqual({ sealed: 0 });
    await recordAccess(db, ctx, { patientId: patient, recordType: 'patient', action: 'export' });
    const second = await sealAccessLog(db, { settleMs: 0 });
    expect(second).toMatchObject({ sealed: 1 });
    await recordAccess(db, ctx, { patientId: patient, recordType: 'patient', action: 'read' });
    expect(await verifyAccessLog(db)).toEqual({ ok: true, seals: 2, checkedRows: 4, unsealedRows: 1 });
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it('leaves rows younger than the settle window for the next seal', async () => {
    const result = await sealAccessLog(db, { settleMs: 60_000 });
    expect(result).toEqual({ sealed: 0 });
  });

  it('detects an edited row and a deleted row in a sealed range', async () => {
    await sealAccessLog(db, { settleMs: 0 });
    expect((await verifyAccessLog(db)).ok).toBe(true);
    await tamper(sql`update access_log set actor_label = 'someone-else' where id = 2`);
    expect(await verifyAccessLog(db)).toMatchObject({ ok: false, brokenSeal: { fromId: 0, reason: 'hash' } });
    await tamper(sql`update access_log set actor_label = null where id = 2`);
    expect((await verifyAccessLog(db)).ok).toBe(true);
    await tamper(sql`delete from access_log where id = 4`);
    expect(await verifyAccessLog(db)).toMatchObject({ ok: false, brokenSeal: { reason: 'rows' } });
  });
});

describe('a batch of accesses (the patient page and its sections)', () => {
  const rowsOf = (requestId: string) =>
    db
      .selectFrom('access_log')
      .select(['record_type', 'action'])
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  const read = {
    patientId: patient,
    recordType: 'patient',
    recordId: patient,
    action: 'read',
    basis: 'circle',
  } as const;

  it('holds back the reads on its executor and writes them, in order, when the read ends', async () => {
    const page: RequestContext = { ...ctx, requestId: 'req-batch' };
    const result = await withAccessBatch(db, page, async () => {
      await recordAccess(db, page, read);
      await recordAccesses(db, page, [{ patientId: patient, recordType: 'discharge_case', action: 'read' }]);
      expect(await rowsOf('req-batch')).toEqual([]);
      return 'answer';
    });
    expect(result).toBe('answer');
    expect(await rowsOf('req-batch')).toEqual([
      { record_type: 'patient', action: 'read' },
      { record_type: 'discharge_case', action: 'read' },
    ]);
  });

  it('writes an access inside a transaction at once, so it commits or rolls back with it', async () => {
    const page: RequestContext = { ...ctx, requestId: 'req-batch-trx' };
    await withAccessBatch(db, page, async () => {
      await db
        .transaction()
        .execute(async (trx) => {
          await recordAccess(trx, page, { ...read, action: 'write' });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await db.transaction().execute((trx) => recordAccess(trx, page, { ...read, action: 'write' }));
      expect(await rowsOf('req-batch-trx')).toEqual([{ record_type: 'patient', action: 'write' }]);
    });
    expect(await rowsOf('req-batch-trx')).toEqual([{ record_type: 'patient', action: 'write' }]);
  });

  it('still writes what was recorded when the read fails part-way', async () => {
    const page: RequestContext = { ...ctx, requestId: 'req-batch-fail' };
    await expect(
      withAccessBatch(db, page, async () => {
        await recordAccess(db, page, read);
        throw new Error('a section failed');
      }),
    ).rejects.toThrow('a section failed');
    expect(await rowsOf('req-batch-fail')).toEqual([{ record_type: 'patient', action: 'read' }]);
  });
});

describe('a list read (recordListAccess)', () => {
  const rowsOf = (requestId: string) =>
    db.selectFrom('access_log').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  const items = [
    { id: crypto.randomUUID(), patientId: patient },
    { id: crypto.randomUUID(), patientId: crypto.randomUUID() },
  ];

  it('writes one read row per listed item, the rows recordAccesses writes for the same reads, at one time', async () => {
    const listed: RequestContext = { ...ctx, requestId: 'req-list' };
    await recordListAccess(db, listed, items, (item) => ({
      patientId: item.patientId,
      recordType: 'discharge_case',
      recordId: item.id,
      basis: 'circle',
    }));
    const byHand: RequestContext = { ...ctx, requestId: 'req-list-by-hand' };
    await recordAccesses(
      db,
      byHand,
      items.map((item) => ({
        patientId: item.patientId,
        recordType: 'discharge_case',
        recordId: item.id,
        action: 'read' as const,
        basis: 'circle' as const,
      })),
    );
    const rows = await rowsOf('req-list');
    expect(rows.map((r) => [r.patient_id, r.record_id, r.action])).toEqual(
      items.map((item) => [item.patientId, item.id, 'read']),
    );
    expect(new Set(rows.map((r) => new Date(r.occurred_at).getTime())).size).toBe(1);
    const comparable = (r: (typeof rows)[number]) => {
      const { id: _id, occurred_at: _at, request_id: _request, ...rest } = r;
      return rest;
    };
    expect(rows.map(comparable)).toEqual((await rowsOf('req-list-by-hand')).map(comparable));
  });

  it('writes nothing for an empty list, and joins the batch of a page read', async () => {
    const empty: RequestContext = { ...ctx, requestId: 'req-list-empty' };
    await recordListAccess(db, empty, [], () => ({ patientId: null, recordType: 'user' }));
    expect(await rowsOf('req-list-empty')).toEqual([]);
    const page: RequestContext = { ...ctx, requestId: 'req-list-batch' };
    await withAccessBatch(db, page, async () => {
      await recordListAccess(db, page, items, (item) => ({
        patientId: item.patientId,
        recordType: 'document',
      }));
      expect(await rowsOf('req-list-batch')).toEqual([]);
    });
    expect((await rowsOf('req-list-batch')).map((r) => [r.record_type, r.action, r.record_id])).toEqual([
      ['document', 'read', null],
      ['document', 'read', null],
    ]);
  });
});
