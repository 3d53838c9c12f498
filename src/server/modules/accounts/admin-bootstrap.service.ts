import { randomInt } from 'node:crypto';
import { isValidMunicipalityCode } from '../../../contracts/municipality-code';
import type { RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { findMunicipalityName, insertMunicipality } from '../../platform/municipality.queries';
import { runUseCase } from '../../platform/use-case';
import { assertStrongPassword } from './credential.service';
import { findFirstOrganisationOfKind, insertOrganisation } from './organisation.queries';
import { hashPassword } from './password';
import { findUserByEmail, insertUser } from './user.queries';
import { insertMembership } from './user-admin.queries';

/** Municipalities `create-admin` may register on the spot (name and prefecture known). */
export const KNOWN_MUNICIPALITIES: Record<
  string,
  { name: string; nameKana: string; nameEn: string; prefecture: string }
> = {
  '131105': { name: '目黒区', nameKana: 'めぐろく', nameEn: 'Meguro City', prefecture: '東京都' },
  '011002': { name: '札幌市', nameKana: 'さっぽろし', nameEn: 'Sapporo City', prefecture: '北海道' },
  '402052': { name: '飯塚市', nameKana: 'いいづかし', nameEn: 'Iizuka City', prefecture: '福岡県' },
  '372013': { name: '高松市', nameKana: 'たかまつし', nameEn: 'Takamatsu City', prefecture: '香川県' },
};

// Unambiguous characters; 20 of 31 give about 99 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

export type CreatedAdmin = {
  userId: string;
  email: string;
  municipalityName: string;
  oneTimePassword?: string;
};

/**
 * Creates a ward admin from the command line (first install, or a locked-out ward). With no
 * password given, a one-time password is generated and must be changed at first login; two-factor
 * enrolment happens then too. Throws municipality.invalid_code, municipality.unknown,
 * user.email_taken, auth.weak_password.
 */
export async function createAdmin(
  deps: Pick<ModuleDeps, 'db' | 'config'>,
  input: { email: string; name: string; municipalityCode: string; password?: string },
): Promise<CreatedAdmin> {
  const { db, config } = deps;
  if (!isValidMunicipalityCode(input.municipalityCode)) throw new AppError('municipality.invalid_code');
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) throw new AppError('user.email_taken');
  if (input.password) assertStrongPassword(input.password, [email, input.name]);
  const oneTimePassword = input.password ? undefined : generateOneTimePassword();
  const hash = await hashPassword(
    input.password ?? (oneTimePassword as string),
    config.PASSWORD_SCRYPT_LOG_N,
  );
  return runUseCase(
    deps,
    commandContext('zaitaku create-admin', input.municipalityCode),
    async ({ trx, audit }) => {
      let municipalityName = await findMunicipalityName(trx, input.municipalityCode);
      if (!municipalityName) {
        const known = KNOWN_MUNICIPALITIES[input.municipalityCode];
        if (!known) throw new AppError('municipality.unknown', { code: input.municipalityCode });
        await insertMunicipality(trx, { code: input.municipalityCode, ...known });
        municipalityName = known.name;
      }
      const organisationId = await findOrCreateAdminOrganisation(
        trx,
        input.municipalityCode,
        municipalityName,
      );
      const userId = await insertUser(trx, {
        municipality_code: input.municipalityCode,
        email,
        display_name: input.name,
        password_hash: hash,
        password_change_required: Boolean(oneTimePassword),
        last_login_at: null,
      });
      await insertMembership(trx, {
        municipalityCode: input.municipalityCode,
        userId,
        organisationId,
        role: 'ward_admin',
      });
      await audit({
        action: 'user.create_admin',
        recordType: 'user',
        recordId: userId,
        actorLabel: 'cli',
        municipalityCode: input.municipalityCode,
        details: { oneTimePassword: Boolean(oneTimePassword) },
      });
      return { userId, email, municipalityName, oneTimePassword };
    },
    { requireActor: false, uniqueViolations: { users_email_unique: 'user.email_taken' } },
  );
}

/**
 * The context of a use case that no request asked for (a command, the server's start): no actor,
 * the request id names the command; without a municipality, its audit entries say
 * `municipalityCode: null` themselves.
 */
export function commandContext(command: string, municipalityCode = ''): RequestContext {
  return { requestId: command, clientIp: '127.0.0.1', municipalityCode };
}

async function findOrCreateAdminOrganisation(
  trx: Executor,
  municipalityCode: string,
  municipalityName: string,
): Promise<string> {
  const existing = await findFirstOrganisationOfKind(trx, municipalityCode, 'ward_section');
  if (existing) return existing;
  return insertOrganisation(trx, {
    municipality_code: municipalityCode,
    kind: 'ward_section',
    name: `${municipalityName} 管理担当`,
    name_kana: null,
    facility_id: null,
  });
}
