import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import type { TestUser } from '../../../../test/support/factories/accounts';
import { createSceneNurse, createScenePatient } from '../../../../test/support/factories/discharge';
import type { Page } from '../../../contracts/page';

/**
 * Migration 20261202078600: the lists that page by a time (the shared keyset cursor carries
 * milliseconds) skip nothing when their rows were written within one millisecond, microseconds
 * apart, as one statement with the database's now() writes them. Without the migration, the rows
 * after the cursor's row in the same millisecond fell outside both `sort < cursor` and
 * `sort = cursor`. (The pending notices: pending-notices.db.test.ts; the cases:
 * discharge-case-list.db.test.ts.)
 */
describe('keyset times stored to the millisecond', () => {
  const d = startDischargeSuite();
  let nurse: { facilityId: string; organisationId: string; user: TestUser };

  beforeAll(async () => {
    nurse = await createSceneNurse(d.t.db, d.s);
  });

  /** Every id the list gives, following nextCursor from the first page to the last. */
  async function pageThrough(user: TestUser, path: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const query: string = `${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await d.api.as(user).get<Page<{ id: string }>>(query);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      ids.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    return ids;
  }

  /**
   * Gives the rows of `table` whose `group` is `value` times 200 µs apart inside one millisecond
   * (as the database's now() would), and returns their ids in the list's order, newest first.
   */
  async function crowdIntoOneMillisecond(
    table: 'referrals' | 'documents',
    time: 'created_at' | 'updated_at',
    group: 'recipient_facility_id' | 'patient_id',
    value: string,
  ): Promise<string[]> {
    await sql`update ${sql.table(table)} t set ${sql.ref(time)} = timestamptz '2026-12-04 00:00:00.000100+00'
        + (select count(*) from ${sql.table(table)} o where o.id < t.id
            and ${sql.ref(`o.${group}`)} = ${sql.ref(`t.${group}`)}) * interval '200 microseconds'
      where ${sql.ref(`t.${group}`)} = ${value}`.execute(d.t.db);
    const rows = await sql<{ id: string }>`select id from ${sql.table(table)}
      where ${sql.ref(group)} = ${value} order by ${sql.ref(time)} desc, id desc`.execute(d.t.db);
    return rows.rows.map((r) => r.id);
  }

  it('pages the incoming referrals across a millisecond without skipping one', async () => {
    for (let i = 0; i < 4; i++) {
      const patient = await createScenePatient(d.t.db, d.s);
      const draft = await d.api.as(d.s.hospital.staff).post<{ id: string }>('/api/referrals', {
        patientId: patient.id,
        role: 'visiting_nurse',
        recipientFacilityId: nurse.facilityId,
      });
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      const sent = await d.api.as(d.s.hospital.staff).post(`/api/referrals/${draft.body.id}/send`, {
        agreement: {
          givenBy: 'patient',
          method: 'in_person',
          givenAt: new Date(Date.now() - 60_000).toISOString(),
        },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
    const expected = await crowdIntoOneMillisecond(
      'referrals',
      'created_at',
      'recipient_facility_id',
      nurse.facilityId,
    );
    expect(expected).toHaveLength(4);
    for (const limit of [1, 3])
      expect(
        await pageThrough(nurse.user, '/api/referrals/incoming?open=false', limit),
        `limit ${limit}`,
      ).toEqual(expected);
  });

  it("pages a patient's documents across a millisecond without skipping one", async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const now = new Date();
    await d.t.db
      .insertInto('documents')
      .values(
        [1, 2, 3, 4].map((i) => ({
          municipality_code: d.s.municipalityCode,
          patient_id: patient.id,
          case_id: null,
          provider_change_id: null,
          kind: 'nursing_summary' as const,
          status: 'final' as const,
          title: `看護サマリー ${i}`,
          author_organisation_id: d.s.hospital.organisationId,
          created_by: d.s.hospital.staff.id,
          created_at: now,
          updated_at: now,
          finalised_at: now,
          withdrawn_reason: null,
        })),
      )
      .execute();
    const expected = await crowdIntoOneMillisecond('documents', 'updated_at', 'patient_id', patient.id);
    expect(expected).toHaveLength(4);
    for (const limit of [1, 3])
      expect(
        await pageThrough(d.s.hospital.staff, `/api/documents?patientId=${patient.id}`, limit),
        `limit ${limit}`,
      ).toEqual(expected);
  });
});
