import { randomInt } from 'node:crypto';
import { isValidMunicipalityCode } from '../../../contracts/municipality-code';
import { writeAudit } from '../../platform/audit/audit.service';
import { AppError, isUniqueViolation } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { findMunicipalityName, insertMunicipality } from '../../platform/municipality.queries';
import { assertStrongPassword } from './credential.service';
import { hashPassword } from './password';
import { findUserByEmail } from './user.queries';

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
  try {
    return await db.transaction().execute(async (trx) => {
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
      const user = await trx
        .insertInto('users')
        .values({
          municipality_code: input.municipalityCode,
          email,
          display_name: input.name,
          password_hash: hash,
          password_change_required: Boolean(oneTimePassword),
          totp_secret: null,
          totp_enrolled_at: null,
          totp_last_step: null,
          locked_until: null,
          last_login_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({
          municipality_code: input.municipalityCode,
          user_id: user.id,
          organisation_id: organisationId,
          role: 'ward_admin',
        })
        .execute();
      await writeAudit(trx, undefined, {
        action: 'user.create_admin',
        recordType: 'user',
        recordId: user.id,
        actorLabel: 'cli',
        municipalityCode: input.municipalityCode,
        details: { oneTimePassword: Boolean(oneTimePassword) },
      });
      return { userId: user.id, email, municipalityName, oneTimePassword };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new AppError('user.email_taken');
    throw error;
  }
}

async function findOrCreateAdminOrganisation(
  trx: ModuleDeps['db'],
  municipalityCode: string,
  municipalityName: string,
): Promise<string> {
  const existing = await trx
    .selectFrom('organisations')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'ward_section')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await trx
    .insertInto('organisations')
    .values({
      municipality_code: municipalityCode,
      kind: 'ward_section',
      name: `${municipalityName} 管理担当`,
      name_kana: null,
      facility_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}
