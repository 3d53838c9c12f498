import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createScenePatient, openSceneCase } from '../../../../test/support/factories/discharge';
import { nodesOf, planOfCall } from '../../../../test/support/query-plan';
import { listPendingForOrganisations } from './case-notice.queries';

/**
 * `GET /api/discharge-notices/pending` pages newest first over the organisation's waiting notices.
 * With a ward's notices analysed, both engines read the partial index case_notices_pending_order
 * from the cursor on and stop at the page's limit (migration 20261202078700); before it, PostgreSQL
 * read all of the organisation's notices and sorted them, and the keyset's `or` sorted every later
 * page. The plans are recorded in the discharge README.
 */
describe('the pending notices list reads its index in page order', () => {
  const d = startDischargeSuite();

  beforeAll(async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    await openSceneCase(d.api, d.s, patient.id);
    // A ward's worth of notices: 200 organisations, most notices long acknowledged.
    await sql`
      insert into case_notices (municipality_code, kind, patient_id, recipient_organisation_id, recipient_label, status, created_at)
      select n.municipality_code, n.kind, n.patient_id,
        case when g % 20 = 0 then n.recipient_organisation_id
          else ('00000000-0000-4000-8000-' || lpad((g % 200)::text, 12, '0'))::uuid end,
        n.recipient_label,
        case when g % 7 = 0 then 'sent' else 'acknowledged' end,
        timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute'
      from case_notices n, generate_series(1, 20000) g
      where n.recipient_organisation_id = ${d.s.familyDoctor.organisationId}`.execute(d.t.db);
    await sql`analyze case_notices`.execute(d.t.db);
  });

  const planOf = (after?: { sort: Date; id: string }) =>
    planOfCall(d.t.db, (db) =>
      listPendingForOrganisations(db, {
        municipalityCode: d.s.municipalityCode,
        organisationIds: [d.s.familyDoctor.organisationId],
        after,
        limit: 51,
      }),
    );

  it('reads case_notices_pending_order in page order on the first page and after a cursor: no sort', async () => {
    // The second page starts after the first page's last row, as the list's nextCursor says.
    const { rows } = await sql<{ created_at: Date; id: string }>`
      select created_at, id from case_notices
      where recipient_organisation_id = ${d.s.familyDoctor.organisationId} and status <> 'acknowledged'
      order by created_at desc, id desc offset 49 limit 1`.execute(d.t.db);
    const fiftieth = rows[0]!;
    for (const after of [undefined, { sort: fiftieth.created_at, id: fiftieth.id }]) {
      const plan = await planOf(after);
      const nodes = nodesOf(plan);
      const shown = JSON.stringify(plan, null, 1);
      expect(
        nodes.map((n) => n['Node Type']),
        shown,
      ).not.toContain('Sort');
      const notices = nodes.find((n) => n['Relation Name'] === 'case_notices');
      expect(notices, shown).toMatchObject({
        'Node Type': 'Index Scan',
        'Index Name': 'case_notices_pending_order',
      });
    }
  });
});
