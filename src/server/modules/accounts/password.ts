import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

// scrypt needs 128·N·r bytes; node refuses above maxmem (32 MiB by default), so leave headroom.
const scryptOptions = (logN: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** logN,
  r,
  p,
  maxmem: 256 * 2 ** logN * r + 1024 * 1024,
});

/**
 * Hashes with scrypt at OWASP parameters (N = 2^logN, r = 8, p = 1). The parameters are kept in
 * the string (`scrypt$ln=17,r=8,p=1$salt$hash`) so hashes made with other costs still verify.
 */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, scryptOptions(logN, 8, 1));
  return `scrypt$ln=${logN},r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when the password matches; a malformed stored hash never matches. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, hash] = match;
  const expected = Buffer.from(hash as string, 'base64');
  const key = await derive(
    password,
    Buffer.from(salt as string, 'base64'),
    scryptOptions(Number(ln), Number(r), Number(p)),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when the stored hash was made with a lower cost than configured (rehash at next login). */
export function needsRehash(stored: string, logN: number): boolean {
  const ln = /^scrypt\$ln=(\d+),/.exec(stored)?.[1];
  return ln === undefined || Number(ln) < logN;
}
