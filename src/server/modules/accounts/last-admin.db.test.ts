import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMunicipality,
  createSignedInUser,
  MUNICIPALITIES,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const call = (method: 'POST' | 'DELETE', url: string, headers: Record<string, string>) =>
  t.app.inject({ method, url, headers });

// Meaningful on PostgreSQL, where the two requests run on two connections at once (PGlite runs
// them one after the other, so there the outcome is checked, not the race).
describe('the last ward admin of a municipality', () => {
  it('keeps one ward admin when two remove each other at the same moment', async () => {
    const muni = await createMunicipality(t.db, MUNICIPALITIES.kobe);
    const [a, b] = await Promise.all([
      createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: muni }),
      createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: muni }),
    ]);
    const membershipOf = async (userId: string) =>
      (
        await t.db
          .selectFrom('memberships')
          .select('id')
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).id;
    const [ma, mb] = await Promise.all([membershipOf(a.id), membershipOf(b.id)]);
    const answers = await Promise.all([
      call('DELETE', `/api/admin/memberships/${mb}`, a.session.headers),
      call('DELETE', `/api/admin/memberships/${ma}`, b.session.headers),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error.code).toBe('membership.last_admin');
    const left = await t.db
      .selectFrom('memberships')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('municipality_code', '=', muni)
      .where('role', '=', 'ward_admin')
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(1);
  });

  it('keeps one active ward admin when two disable each other at the same moment', async () => {
    const muni = await createMunicipality(t.db, MUNICIPALITIES.fukuoka);
    const [a, b] = await Promise.all([
      createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: muni }),
      createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: muni }),
    ]);
    const answers = await Promise.all([
      call('POST', `/api/admin/users/${b.id}/disable`, a.session.headers),
      call('POST', `/api/admin/users/${a.id}/disable`, b.session.headers),
    ]);
    // The second either finds its actor's session gone (401) or is refused as the last admin (409).
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const refused = answers.find((r) => r.statusCode !== 200);
    expect([401, 409]).toContain(refused?.statusCode);
    const active = await t.db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [a.id, b.id])
      .where('status', '=', 'active')
      .execute();
    expect(active).toHaveLength(1);
  });
});
