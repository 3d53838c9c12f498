import { type Kysely, sql } from 'kysely';
import type { Role } from '../../src/contracts/roles';
import type { Database } from '../../src/server/platform/db/schema';
import {
  createMunicipality,
  createOrganisation,
  createSession,
  createUser,
  MUNICIPALITIES,
  type TestUser,
} from '../support/factories/accounts';
import { createTestFacility } from '../support/factories/directory';
import { createDischargeScene } from '../support/factories/discharge';
import { createTestPatient } from '../support/factories/patients';

/** Who sends a fuzzed request. */
export type Identity =
  | { kind: 'anonymous' }
  | { kind: 'user'; role: Role; label: string; user: TestUser; twoFactor: boolean };

export type FuzzWorld = {
  /** One signed-in user per role, in the circle of the world's patient where the role can be. */
  actors: Map<Role, Identity & { kind: 'user' }>;
  /** A user of 札幌市 per role: tenancy. */
  strangers: Map<Role, Identity & { kind: 'user' }>;
  /** Signed in with the password only (two-factor pending), and one never enrolled. */
  partial: Identity & { kind: 'user' };
  unenrolled: Identity & { kind: 'user' };
  /** Existing ids the fuzz draws path params and body ids from (refreshed as requests create rows). */
  ids: string[];
  /** Reloads `ids` from the database. */
  refreshIds(): Promise<void>;
  /** Headers of a session of the identity, opened once and kept until `forget` drops it. */
  headersFor(identity: Identity): Promise<Record<string, string>>;
  /** Drops the identity's session: the request just sent may have ended it (logout, password, revoke). */
  forget(identity: Identity): void;
};

const user = (role: Role, label: string, u: TestUser, twoFactor = true) =>
  ({ kind: 'user', role, label, user: u, twoFactor }) as const;

/**
 * A small 目黒区: the discharge scene (hospital, family doctor, 包括, a patient with a circle),
 * a ward admin, a care manager, a facility editor of a facility, more patients and facilities,
 * and the same roles in 札幌市. The actors' own rows are kept out of the id pool, so a fuzzed
 * "disable user" or "delete organisation" cannot take the fuzz's own accounts away.
 */
export async function createFuzzWorld(db: Kysely<Database>): Promise<FuzzWorld> {
  const scene = await createDischargeScene(db);
  const home = scene.municipalityCode;
  const away = await createMunicipality(db, MUNICIPALITIES.sapporo);
  const editorFacility = await createTestFacility(db, { type: 'visiting_nurse_station' });
  const editorOrg = await createOrganisation(db, {
    municipalityCode: home,
    kind: 'visiting_nurse_station',
    facilityId: editorFacility.id,
  });
  const actors = new Map<Role, Identity & { kind: 'user' }>([
    [
      'ward_admin',
      user('ward_admin', 'ward_admin', await createUser(db, { role: 'ward_admin', municipalityCode: home })),
    ],
    ['hospital_staff', user('hospital_staff', 'hospital_staff', scene.hospital.staff)],
    ['clinician', user('clinician', 'clinician (family doctor)', scene.familyDoctor.user)],
    ['center_staff', user('center_staff', 'center_staff', scene.center.user)],
    [
      'care_manager',
      user(
        'care_manager',
        'care_manager',
        await createUser(db, { role: 'care_manager', municipalityCode: home }),
      ),
    ],
    [
      'facility_editor',
      user(
        'facility_editor',
        'facility_editor',
        await createUser(db, {
          role: 'facility_editor',
          municipalityCode: home,
          organisationId: editorOrg.id,
        }),
      ),
    ],
  ]);
  const strangers = new Map<Role, Identity & { kind: 'user' }>();
  for (const role of actors.keys())
    strangers.set(
      role,
      user(role, `${role} of 札幌市`, await createUser(db, { role, municipalityCode: away })),
    );
  const partial = user(
    'clinician',
    'clinician before two-factor',
    await createUser(db, { role: 'clinician', municipalityCode: home }),
    false,
  );
  const unenrolled = user(
    'care_manager',
    'care_manager never enrolled',
    await createUser(db, { role: 'care_manager', municipalityCode: home, totp: false }),
    false,
  );

  // Targets for the id pool: people and records nobody acts as.
  for (const role of ['clinician', 'hospital_staff', 'facility_editor'] as const)
    await createUser(db, { role, municipalityCode: home });
  await createUser(db, { role: 'clinician', municipalityCode: away });
  for (let i = 0; i < 3; i++) await createTestPatient(db, { municipalityCode: home });
  await createTestPatient(db, { municipalityCode: away });
  await createTestFacility(db, { type: 'pharmacy' });

  const own = [...actors.values(), ...strangers.values(), partial, unenrolled];
  const protectedIds = new Set<string>(own.flatMap((a) => [a.user.id, a.user.organisationId]));
  const memberships = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', 'in', [...protectedIds])
    .execute();
  for (const m of memberships) protectedIds.add(m.id);

  const sessions = new Map<string, Record<string, string>>();
  const world: FuzzWorld = {
    actors,
    strangers,
    partial,
    unenrolled,
    ids: [],
    async refreshIds() {
      world.ids = (await listIds(db)).filter((id) => !protectedIds.has(id));
    },
    async headersFor(identity) {
      if (identity.kind === 'anonymous') return {};
      let session = sessions.get(identity.user.id);
      if (!session) {
        session = (await createSession(db, identity.user, { twoFactor: identity.twoFactor })).headers;
        sessions.set(identity.user.id, session);
      }
      return session;
    },
    forget(identity) {
      if (identity.kind === 'user') sessions.delete(identity.user.id);
    },
  };
  await world.refreshIds();
  return world;
}

/** Every `id` uuid of every table, newest rows first, a few per table. */
async function listIds(db: Kysely<Database>): Promise<string[]> {
  const { rows: tables } = await sql<{
    name: string;
  }>`select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' and t.table_type = 'BASE TABLE'
      and c.table_name not in ('sessions', 'audit_log', 'access_log', 'jobs')
    order by c.table_name`.execute(db);
  if (tables.length === 0) return [];
  const parts = tables.map(
    ({ name }) => sql`(select id::text as id from ${sql.table(name)} order by ctid desc limit 12)`,
  );
  const { rows } = await sql<{ id: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows.map((r) => r.id);
}
