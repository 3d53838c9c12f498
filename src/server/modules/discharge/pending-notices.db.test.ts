import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createScenePatient, openSceneCase } from '../../../../test/support/factories/discharge';
import type { PendingAcknowledgment } from '../../../contracts/discharge';
import type { Page } from '../../../contracts/page';
import { encodeCursor } from '../../platform/db/pagination';

type ErrorAnswer = { error: { code: string } };
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * The family doctor's notices waiting for an answer (`GET /api/discharge-notices/pending`) in the one
 * list pattern: `?cursor=&limit=` → `{ items, nextCursor }`, newest first, keyset on (created_at, id).
 */
describe('the pending notices list', () => {
  const d = startDischargeSuite();
  const caseIds: string[] = [];

  beforeAll(async () => {
    // Five admissions: each tells the family doctor (one notice each, its own transaction's now()).
    for (let i = 0; i < 5; i++) {
      const patient = await createScenePatient(d.t.db, d.s);
      caseIds.push((await openSceneCase(d.api, d.s, patient.id)).id);
    }
  });

  /** The family doctor's waiting notices as the keyset orders them (newest first, then id). */
  const newestFirst = async () =>
    (
      await d.t.db
        .selectFrom('case_notices')
        .select('id')
        .where('recipient_organisation_id', '=', d.s.familyDoctor.organisationId)
        .where('status', '<>', 'acknowledged')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    ).map((r) => r.id);

  /** Follows nextCursor from the first page to the last. */
  const pageThrough = async (limit: number) => {
    const pages: Array<Page<PendingAcknowledgment>> = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await d.api
        .as(d.s.familyDoctor.user)
        .get<Page<PendingAcknowledgment>>(`/api/discharge-notices/pending?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return pages;
  };

  it('gives each notice exactly once, newest first, across pages', async () => {
    const expected = await newestFirst();
    expect(expected).toHaveLength(5);
    const pages = await pageThrough(3);
    expect(pages.map((p) => p.items.length)).toEqual([3, 2]);
    expect(pages.flatMap((p) => p.items.map((n) => n.id))).toEqual(expected);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    // newest first: the last case opened is the first notice
    expect(pages[0]?.items[0]).toMatchObject({ kind: 'admission', caseId: caseIds.at(-1) });
    // without a limit, one page of the default 50
    const all = await d.api
      .as(d.s.familyDoctor.user)
      .get<Page<PendingAcknowledgment>>('/api/discharge-notices/pending');
    expect(all.body.items.map((n) => n.id)).toEqual(expected);
    expect(all.body.nextCursor).toBeNull();
  });

  it('logs the read of the listed notices only, not of the row that tells a next page exists', async () => {
    const reads = () =>
      d.t.db
        .selectFrom('access_log')
        .select('record_id')
        .where('actor_user_id', '=', d.s.familyDoctor.user.id)
        .where('record_type', '=', 'case_notice')
        .where('action', '=', 'read')
        .orderBy('id')
        .execute();
    const before = (await reads()).length;
    const page = await d.api
      .as(d.s.familyDoctor.user)
      .get<Page<PendingAcknowledgment>>('/api/discharge-notices/pending?limit=2');
    expect(page.body.items).toHaveLength(2);
    const after = await reads();
    expect(after).toHaveLength(before + 2);
    expect(after.slice(-2).map((r) => r.record_id)).toEqual(page.body.items.map((n) => n.id));
  });

  it('skips none of the notices written within one millisecond (a case opening tells several at once)', async () => {
    // As one statement with the database's now() writes them: microseconds apart, inside one
    // millisecond, while the cursor carries milliseconds (migration 20261202078600).
    await sql`update case_notices set created_at = timestamptz '2026-12-04 00:00:00.000100+00'
        + (select count(*) from case_notices o where o.id < case_notices.id
            and o.recipient_organisation_id = case_notices.recipient_organisation_id) * interval '100 microseconds'
      where recipient_organisation_id = ${d.s.familyDoctor.organisationId}`.execute(d.t.db);
    const expected = await newestFirst();
    for (const limit of [1, 2]) {
      const pages = await pageThrough(limit);
      expect(
        pages.flatMap((p) => p.items.map((n) => n.id)),
        `limit ${limit}`,
      ).toEqual(expected);
    }
  });

  it('refuses a tampered cursor and a cursor of another list with 400 request.invalid', async () => {
    const doctor = d.api.as(d.s.familyDoctor.user);
    const first = await doctor.get<Page<PendingAcknowledgment>>('/api/discharge-notices/pending?limit=1');
    const real = first.body.nextCursor as string;
    const [, id] = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as [string, string];
    const refused = {
      'a cursor that is not ours': base64url({ sort: 1 }),
      'a cursor that is not JSON': `${real.slice(0, -4)}AAAA`,
      'the audit log (ids)': encodeCursor({ sort: 42, id: 42 }),
      'a time that is no time': base64url(['2026-02-30T00:00:00.000Z', id]),
      'an id that is no uuid': base64url([new Date().toISOString(), 'x; drop table patients']),
    };
    for (const [what, cursor] of Object.entries(refused)) {
      const res = await doctor.get<ErrorAnswer>(`/api/discharge-notices/pending?cursor=${cursor}`);
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toBe('request.invalid');
    }
  });
});
