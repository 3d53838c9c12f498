import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { listOutboxRows } from '../src/server/modules/accounts/outbox-admin.queries';
import { listDocumentsOfPatient } from '../src/server/modules/documents/document.queries';
import { listInboxRows } from '../src/server/platform/inbox/inbox.queries';
import { startDischargeSuite } from './support/discharge-suite';
import { createScenePatient } from './support/factories/discharge';
import { nodesOf, type PlanNode, planOfCall } from './support/query-plan';

/**
 * The lists whose table has an index in the list's order read it from the cursor on: page 2 (after
 * a cursor) is an index scan whose condition holds keysetPage's row comparison, with no Sort node,
 * on both engines. With the old `sort < s or (sort = s and id < i)` the index condition held only
 * the ward or the patient and the cursor was a Filter: page n read every row of the pages before it
 * (seen on PostgreSQL 15 with this data), or PostgreSQL gathered both halves in a bitmap and sorted
 * them (issue 14). The pending notices have their own test (discharge/pending-notices-plan.db.test.ts).
 */
describe('keyset lists read their index in page order after a cursor', () => {
  const d = startDischargeSuite();
  const LIMIT = 51; // a page of 50 and the row that tells a next page exists
  const start = sql`timestamptz '2026-01-01 00:00:00+00'`;

  beforeAll(async () => {
    const code = d.s.municipalityCode;
    const other = await createScenePatient(d.t.db, d.s);
    const users = [d.s.familyDoctor.user, d.s.hospital.staff, d.s.homeVisit.user, d.s.center.user];
    // A ward's mails, among another ward's; documents of two patients; four people's notices.
    await sql`
      insert into mail_outbox (municipality_code, kind, to_address, subject, body_text, status, created_at)
      select case when g % 4 = 0 then ${code} else '131130' end, 'invitation', 'u' || g || '@example.jp',
        '招待', '本文', case when g % 3 = 0 then 'pending' else 'sent' end, ${start} + g * interval '1 minute'
      from generate_series(1, 20000) g`.execute(d.t.db);
    await sql`
      insert into documents (municipality_code, patient_id, kind, status, title, author_organisation_id,
        created_by, created_at, updated_at)
      select ${code}, case when g % 5 = 0 then ${d.s.patient.id}::uuid else ${other.id}::uuid end,
        'nursing_summary', case when g % 2 = 0 then 'final' else 'draft' end, '看護サマリー ' || g,
        ${d.s.hospital.organisationId}::uuid, ${d.s.hospital.staff.id}::uuid, ${start} + g * interval '1 minute',
        ${start} + g * interval '1 minute'
      from generate_series(1, 20000) g`.execute(d.t.db);
    await sql`
      with e as (
        insert into notice_events (municipality_code, kind, recipient_user_ids, title, body, created_at)
        select ${code}, 'test.keyset', array[(array[${sql.join(users.map((u) => sql`${u.id}::uuid`))}])[1 + g % 4]],
          '通知', '本文', ${start} + g * interval '1 minute'
        from generate_series(1, 20000) g
        returning id, recipient_user_ids[1] as user_id, created_at)
      insert into inbox_notices (event_id, municipality_code, user_id, kind, title, body, created_at, read_at)
      select e.id, ${code}, e.user_id, 'test.keyset', '通知', '本文', e.created_at,
        case when extract(minute from e.created_at)::int % 10 = 0 then null else e.created_at end
      from e`.execute(d.t.db);
    await sql`analyze mail_outbox`.execute(d.t.db);
    await sql`analyze documents`.execute(d.t.db);
    await sql`analyze inbox_notices`.execute(d.t.db);
  });

  /** No Sort anywhere; `index` read by an index scan whose condition holds the row comparison. */
  function expectIndexInPageOrder(plan: PlanNode, index: string) {
    const nodes = nodesOf(plan);
    const shown = JSON.stringify(plan, null, 1);
    expect(
      nodes.map((n) => n['Node Type']),
      shown,
    ).not.toContain('Sort');
    const scan = nodes.find((n) => n['Index Name'] === index);
    expect(scan?.['Node Type'], shown).toBe('Index Scan');
    expect(scan?.['Index Cond'], shown).toMatch(/ROW\(/);
  }

  it('the outbox (ward admin): mail_outbox_municipality', async () => {
    const { rows } = await sql<{ created_at: Date; id: string }>`
      select created_at, id from mail_outbox where municipality_code = ${d.s.municipalityCode}
      order by created_at desc, id desc offset 49 limit 1`.execute(d.t.db);
    const last = rows[0]!;
    const plan = await planOfCall(d.t.db, (db) =>
      listOutboxRows(
        db,
        d.s.municipalityCode,
        {},
        { after: { sort: last.created_at, id: last.id }, limit: LIMIT },
      ),
    );
    expectIndexInPageOrder(plan, 'mail_outbox_municipality');
  });

  it("a patient's documents: documents_of_patient", async () => {
    const { rows } = await sql<{ updated_at: Date; id: string }>`
      select updated_at, id from documents where patient_id = ${d.s.patient.id}
      order by updated_at desc, id desc offset 49 limit 1`.execute(d.t.db);
    const last = rows[0]!;
    const plan = await planOfCall(d.t.db, (db) =>
      listDocumentsOfPatient(db, d.s.municipalityCode, d.s.patient.id, [d.s.hospital.organisationId], {
        after: { sort: last.updated_at, id: last.id },
        limit: LIMIT,
      }),
    );
    expectIndexInPageOrder(plan, 'documents_of_patient');
  });

  it('the inbox, unread first: inbox_notices_user_unread_first', async () => {
    const userId = d.s.familyDoctor.user.id;
    const { rows } = await sql<{ unread: boolean; created_at: Date; id: string }>`
      select (read_at is null) as unread, created_at, id from inbox_notices where user_id = ${userId}
      order by (read_at is null) desc, created_at desc, id desc offset 49 limit 1`.execute(d.t.db);
    const last = rows[0]!;
    const plan = await planOfCall(d.t.db, (db) =>
      listInboxRows(
        db,
        userId,
        { limit: LIMIT - 1 },
        { unread: last.unread, createdAt: last.created_at, id: last.id },
      ),
    );
    expectIndexInPageOrder(plan, 'inbox_notices_user_unread_first');
  });
});
