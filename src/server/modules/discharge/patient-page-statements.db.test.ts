import type { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import type { TestUser } from '../../../../test/support/factories/accounts';
import {
  createSceneNurse,
  createScenePatient,
  openSceneCase,
  proposeSceneChange,
} from '../../../../test/support/factories/discharge';

const d = startDischargeSuite();

/** Statements the app sends to the database while `call` runs (every query goes through db's executor). */
async function statementsOf(call: () => Promise<unknown>): Promise<string[]> {
  const executor = d.t.db.getExecutor();
  const original = executor.executeQuery.bind(executor);
  const sent: string[] = [];
  executor.executeQuery = ((query: CompiledQuery) => {
    sent.push(query.sql);
    return original(query);
  }) as typeof executor.executeQuery;
  try {
    await call();
  } finally {
    executor.executeQuery = original;
  }
  return sent;
}

async function accessRowsAfter(user: TestUser, afterId: number) {
  return d.t.db
    .selectFrom('access_log')
    .select(['record_type', 'record_id', 'patient_id', 'basis', 'action'])
    .where('actor_user_id', '=', user.id)
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
}

async function lastAccessId() {
  const row = await d.t.db
    .selectFrom('access_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

describe('the patient page in one round trip (issue 14 benchmark)', () => {
  it('reads patient, circle, sections and writes their access-log rows in one statement after the session', async () => {
    const { s, api } = d;
    const staff = api.as(s.hospital.staff);
    const opened = await openSceneCase(api, s);
    const change = await proposeSceneChange(api, s, s.patient.id, opened.id);
    // Signed in and warm: the next calls are plain page reads.
    expect((await staff.get(`/api/patients/${s.patient.id}`)).status).toBe(200);

    const before = await lastAccessId();
    let page: Awaited<ReturnType<typeof staff.get<Record<string, unknown>>>> | undefined;
    const sent = await statementsOf(async () => {
      page = await staff.get<Record<string, unknown>>(`/api/patients/${s.patient.id}`);
    });
    expect(page?.status).toBe(200);
    expect(page?.body.cases).toMatchObject([{ id: opened.id, openChanges: 1 }]);
    expect(page?.body.providerChanges).toMatchObject([{ id: change.id, status: 'proposed' }]);
    // The session lookup, then the page: scope, patient, circle, cases, changes (with their consent
    // and answer), referrals, documents and the access log, all in one.
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/insert into "access_log"/);

    const logged = await accessRowsAfter(s.hospital.staff, before);
    expect(logged).toEqual(
      expect.arrayContaining([
        {
          record_type: 'patient',
          record_id: s.patient.id,
          patient_id: s.patient.id,
          basis: 'circle',
          action: 'read',
        },
        {
          record_type: 'discharge_case',
          record_id: opened.id,
          patient_id: s.patient.id,
          basis: null,
          action: 'read',
        },
        {
          record_type: 'provider_change',
          record_id: change.id,
          patient_id: s.patient.id,
          basis: null,
          action: 'read',
        },
      ]),
    );
    expect(logged).toHaveLength(3);
  });

  it('costs a patient with referrals no more statements than one without: the open counts and capacities are read with the rows', async () => {
    const { s, api, t } = d;
    const staff = api.as(s.hospital.staff);
    const capacitySetAt = new Date('2026-11-28T01:00:00Z');
    const nurseA = await createSceneNurse(t.db, s, {
      capacity: { signal: 'waitlist', setAt: capacitySetAt },
    });
    const nurseB = await createSceneNurse(t.db, s);
    const without = await createScenePatient(t.db, s);
    const withReferrals = await createScenePatient(t.db, s);
    const referralIds: string[] = [];
    for (const nurse of [nurseA, nurseB]) {
      const res = await staff.post<{ id: string }>('/api/referrals', {
        patientId: withReferrals.id,
        role: 'visiting_nurse',
        recipientFacilityId: nurse.facilityId,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      referralIds.push(res.body.id);
    }
    // The list the case page reads answers the same as before (one query for the rows and extras).
    const listed = await staff.get<{ items: unknown[] }>(`/api/referrals?patientId=${withReferrals.id}`);
    expect(listed.status).toBe(200);

    const pageOf = async (patientId: string) => {
      expect((await staff.get(`/api/patients/${patientId}`)).status).toBe(200);
      let page: Awaited<ReturnType<typeof staff.get<Record<string, unknown>>>> | undefined;
      const sent = await statementsOf(async () => {
        page = await staff.get<Record<string, unknown>>(`/api/patients/${patientId}`);
      });
      expect(page?.status).toBe(200);
      return { sent, body: page?.body ?? {} };
    };
    const bare = await pageOf(without.id);
    const referred = await pageOf(withReferrals.id);
    expect(bare.body.referrals).toEqual([]);
    expect(referred.sent).toHaveLength(bare.sent.length);
    expect(referred.sent).toHaveLength(2);
    // Newest first, each warned of the other open one for the role, A with its capacity now.
    expect(referred.body.referrals).toMatchObject([
      { id: referralIds[1], openForSameRole: 1, capacity: null },
      {
        id: referralIds[0],
        openForSameRole: 1,
        capacity: { signal: 'waitlist', setAt: capacitySetAt.toISOString() },
      },
    ]);
    // The patient page and the case page's list present the referrals alike.
    expect(listed.body.items).toEqual(referred.body.referrals);
  });

  it('answers 404 outside the circle in the same one statement, and records nothing', async () => {
    const { s, api } = d;
    const outsider = api.as(s.outsider);
    expect((await outsider.get(`/api/patients/${s.patient.id}`)).status).toBe(404);
    const before = await lastAccessId();
    let status = 0;
    const sent = await statementsOf(async () => {
      status = (await outsider.get(`/api/patients/${s.patient.id}`)).status;
    });
    expect(status).toBe(404);
    expect(sent).toHaveLength(2);
    expect(await accessRowsAfter(s.outsider, before)).toEqual([]);
  });
});
