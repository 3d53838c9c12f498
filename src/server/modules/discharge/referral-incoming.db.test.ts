import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createOrganisation, createUser, type TestUser } from '../../../../test/support/factories/accounts';
import { createTestFacility } from '../../../../test/support/factories/directory';
import {
  createDischargeScene,
  createScenePatient,
  type DischargeScene,
} from '../../../../test/support/factories/discharge';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { RequestContext } from '../../platform/context';
import { listIncoming } from './referral-read.service';

/** Counts the statements a service sends (the N+1 this file guards against shows as a count). */
function statementCounter() {
  const seen: RootOperationNode['kind'][] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      seen.push(args.node.kind);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { plugin, seen };
}

function ctxOf(user: TestUser): RequestContext {
  return {
    requestId: `test-${user.id}`,
    clientIp: '127.0.0.1',
    municipalityCode: user.municipalityCode,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: 'テスト',
      municipalityCode: user.municipalityCode,
      roles: [user.role],
      memberships: [{ organisationId: user.organisationId, role: user.role }],
      twoFactorVerified: true,
    },
  };
}

describe('incoming referrals: one read of the patients for the whole page', () => {
  let t: TestApp;
  let s: DischargeScene;
  let api: ReturnType<typeof createApiClient>;
  let nurse: { facilityId: string; user: TestUser };

  beforeAll(async () => {
    t = await createTestApp();
    s = await createDischargeScene(t.db);
    api = createApiClient(t.app);
    const facilityId = (await createTestFacility(t.db, { type: 'visiting_nurse_station' })).id;
    const org = await createOrganisation(t.db, {
      municipalityCode: s.municipalityCode,
      kind: 'visiting_nurse_station',
      facilityId,
    });
    const user = await createUser(t.db, {
      role: 'clinician',
      municipalityCode: s.municipalityCode,
      organisationId: org.id,
    });
    nurse = { facilityId, user };
  });
  afterAll(async () => {
    await t?.close();
  });

  const sendOne = async () => {
    const patient = await createScenePatient(t.db, s);
    const draft = await api.as(s.hospital.staff).post<{ id: string }>('/api/referrals', {
      patientId: patient.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurse.facilityId,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const sent = await api.as(s.hospital.staff).post(`/api/referrals/${draft.body.id}/send`, {
      agreement: {
        givenBy: 'patient',
        method: 'in_person',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return patient;
  };

  const countFor = async () => {
    const counter = statementCounter();
    const page = await listIncoming({ db: t.db.withPlugin(counter.plugin) }, ctxOf(nurse.user), {
      limit: 50,
      open: false,
    });
    return { page, statements: counter.seen.length };
  };

  it('sends as many statements for three referrals as for one, each with its patient and access row', async () => {
    const first = await sendOne();
    const one = await countFor();
    expect(one.page.items.map((r) => r.patient?.name)).toEqual([first.name]);

    const more = [await sendOne(), await sendOne()];
    const three = await countFor();
    expect(three.page.items.map((r) => r.patient?.name).sort()).toEqual(
      [first.name, ...more.map((p) => p.name)].sort(),
    );
    expect(three.statements).toBe(one.statements);

    const logged = await t.db
      .selectFrom('access_log')
      .select(['patient_id', 'basis'])
      .where('actor_user_id', '=', nurse.user.id)
      .where('record_type', '=', 'referral')
      .execute();
    // 1 row in the first listing, 3 in the second: every open referral read is logged with its basis.
    expect(logged).toHaveLength(4);
    expect(logged.every((r) => r.basis === 'referral')).toBe(true);
  });
});
