import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { OrganisationKind, Role } from '../../../src/contracts/roles';
import { hashPassword } from '../../../src/server/modules/accounts/password';
import {
  rotateSession,
  SESSION_COOKIE,
  startSession,
} from '../../../src/server/modules/accounts/session.service';
import { generateTotpSecret } from '../../../src/server/modules/accounts/totp';
import type { Database } from '../../../src/server/platform/db/schema';
import '../../../src/server/modules/accounts/membership.table';
import '../../../src/server/modules/accounts/organisation.table';
import '../../../src/server/modules/accounts/user.table';

/**
 * Test data for anything that needs signed-in users. Each call makes new rows (unique names and
 * emails), so tests never share mutable seed data.
 */

type Db = Kysely<Database>;

/** Municipalities with valid codes (check digit) that tests may use as "another municipality". */
export const MUNICIPALITIES = {
  meguro: { code: '131105', name: '目黒区', prefecture: '東京都' },
  sapporo: { code: '011002', name: '札幌市', prefecture: '北海道' },
  iizuka: { code: '402052', name: '飯塚市', prefecture: '福岡県' },
  takamatsu: { code: '372013', name: '高松市', prefecture: '香川県' },
  kobe: { code: '281000', name: '神戸市', prefecture: '兵庫県' },
  fukuoka: { code: '401307', name: '福岡市', prefecture: '福岡県' },
} as const;

export const TEST_PASSWORD = 'kinmokusei-no-kaori-2026';
const passwordHashes = new Map<string, Promise<string>>();

function unique(): string {
  return randomBytes(4).toString('hex');
}

/** Inserts the municipality if missing; returns its code. */
export async function createMunicipality(
  db: Db,
  which: (typeof MUNICIPALITIES)[keyof typeof MUNICIPALITIES] = MUNICIPALITIES.meguro,
): Promise<string> {
  await sql`insert into municipalities (code, name, prefecture) values (${which.code}, ${which.name}, ${which.prefecture})
    on conflict (code) do nothing`.execute(db);
  return which.code;
}

export async function createOrganisation(
  db: Db,
  input: {
    municipalityCode?: string;
    kind?: OrganisationKind;
    name?: string;
    facilityId?: string | null;
  } = {},
): Promise<{ id: string; municipalityCode: string; name: string }> {
  const municipalityCode = input.municipalityCode ?? (await createMunicipality(db));
  const name = input.name ?? `テスト組織 ${unique()}`;
  const row = await db
    .insertInto('organisations')
    .values({
      municipality_code: municipalityCode,
      kind: input.kind ?? 'ward_section',
      name,
      name_kana: null,
      facility_id: input.facilityId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, municipalityCode, name };
}

export type TestUser = {
  id: string;
  email: string;
  password: string;
  municipalityCode: string;
  organisationId: string;
  role: Role;
  /** Base32 TOTP secret when the user is enrolled (default), else null. */
  totpSecret: string | null;
};

/** A user with one membership; enrolled in two-factor unless `totp: false`. */
export async function createUser(
  db: Db,
  input: {
    role?: Role;
    municipalityCode?: string;
    organisationId?: string;
    email?: string;
    password?: string;
    totp?: boolean;
    status?: 'active' | 'disabled';
  } = {},
): Promise<TestUser> {
  const municipalityCode = input.municipalityCode ?? (await createMunicipality(db));
  const role = input.role ?? 'ward_admin';
  const organisationId =
    input.organisationId ?? (await createOrganisation(db, { municipalityCode, kind: kindFor(role) })).id;
  const password = input.password ?? TEST_PASSWORD;
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password, 12);
    passwordHashes.set(password, hash);
  }
  const totpSecret = input.totp === false ? null : generateTotpSecret();
  const email = input.email ?? `${role.replace('_', '-')}-${unique()}@example.jp`;
  const user = await db
    .insertInto('users')
    .values({
      municipality_code: municipalityCode,
      email,
      display_name: `テスト ${role}`,
      password_hash: await hash,
      status: input.status ?? 'active',
      totp_secret: totpSecret,
      totp_enrolled_at: totpSecret ? new Date() : null,
      totp_last_step: null,
      locked_until: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ municipality_code: municipalityCode, user_id: user.id, organisation_id: organisationId, role })
    .execute();
  return { id: user.id, email, password, municipalityCode, organisationId, role, totpSecret };
}

export function kindFor(role: Role): OrganisationKind {
  const kinds: Record<Role, OrganisationKind> = {
    ward_admin: 'ward_section',
    center_staff: 'community_support_center',
    hospital_staff: 'hospital',
    clinician: 'clinic',
    care_manager: 'care_management_office',
    facility_editor: 'visiting_nurse_station',
  };
  return kinds[role];
}

export type TestSession = {
  cookie: string;
  csrfToken: string;
  /** Spread into `app.inject({ headers })`: cookie and x-csrf-token. */
  headers: { cookie: string; 'x-csrf-token': string };
};

/** A session straight in the database; `twoFactor` (default true) marks it verified. */
export async function createSession(
  db: Db,
  user: Pick<TestUser, 'id'>,
  options: { twoFactor?: boolean } = {},
): Promise<TestSession> {
  let issued = await startSession(db, { userId: user.id, clientIp: '127.0.0.1' });
  if (options.twoFactor !== false)
    issued = await rotateSession(db, issued.sessionId, { twoFactorVerified: true });
  const cookie = `${SESSION_COOKIE}=${issued.token}`;
  return { cookie, csrfToken: issued.csrfToken, headers: { cookie, 'x-csrf-token': issued.csrfToken } };
}

/** A user of `role` with a completed two-factor session: the usual start of a module test. */
export async function createSignedInUser(
  db: Db,
  input: Parameters<typeof createUser>[1] = {},
): Promise<TestUser & { session: TestSession }> {
  const user = await createUser(db, input);
  return { ...user, session: await createSession(db, user) };
}

/** Cookie header value from a response's set-cookie (for flows that log in over HTTP). */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const value = found?.split(';')[0];
  return value && value !== `${SESSION_COOKIE}=` ? value : undefined;
}

let nextAddress = 1;
/** A fresh client address per call, so per-address rate limits of one test do not touch another. */
export function nextClientAddress(): string {
  nextAddress++;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

type Injectable = {
  inject(options: {
    method: 'POST';
    url: string;
    payload: unknown;
    headers?: Record<string, string>;
    remoteAddress?: string;
  }): Promise<{ statusCode: number; headers: Record<string, unknown>; json(): unknown }>;
};

/**
 * Logs in over HTTP (password, then the TOTP code of `code(secret)`), as the web does. Returns the
 * cookie and CSRF token of the final session, or throws with the failing status.
 */
export async function logInOverHttp(
  app: Injectable,
  user: Pick<TestUser, 'email' | 'password' | 'totpSecret'>,
  code: (secret: string) => string,
  remoteAddress = nextClientAddress(),
): Promise<TestSession> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
    remoteAddress,
  });
  if (login.statusCode !== 200) throw new Error(`login answered ${login.statusCode}`);
  let cookie = sessionCookieFrom(login.headers['set-cookie'] as string[]) as string;
  let csrfToken = (login.json() as { csrfToken: string }).csrfToken;
  if (user.totpSecret) {
    const totp = await app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { code: code(user.totpSecret) },
      headers: { cookie, 'x-csrf-token': csrfToken },
      remoteAddress,
    });
    if (totp.statusCode !== 200) throw new Error(`totp answered ${totp.statusCode}`);
    cookie = sessionCookieFrom(totp.headers['set-cookie'] as string[]) as string;
    csrfToken = (totp.json() as { csrfToken: string }).csrfToken;
  }
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
