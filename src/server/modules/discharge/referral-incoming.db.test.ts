import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import type { TestUser } from '../../../../test/support/factories/accounts';
import {
  createSceneNurse,
  createScenePatient,
  signedInContext,
} from '../../../../test/support/factories/discharge';
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

describe('incoming referrals: one read of the patients for the whole page', () => {
  const d = startDischargeSuite();
  let nurse: { facilityId: string; user: TestUser };

  beforeAll(async () => {
    nurse = await createSceneNurse(d.t.db, d.s);
  });

  const sendOne = async () => {
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
    return patient;
  };

  const countFor = async () => {
    const counter = statementCounter();
    const page = await listIncoming({ db: d.t.db.withPlugin(counter.plugin) }, signedInContext(nurse.user), {
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

    const logged = await d.t.db
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
