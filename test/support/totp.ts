import { createHmac } from 'node:crypto';

/** RFC 4648 base32 → bytes (written here, not imported, so tests check the server's TOTP independently). */
export function base32ToBytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (HMAC-SHA-1, 30 s, 6 digits), as an authenticator app computes it. */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', base32ToBytes(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const lastStepUsed = new Map<string, number>();

/**
 * A code that stays valid while the form is submitted (waits out the last seconds of a step) and
 * that this process has not used for the secret yet: the server takes a code once (replay
 * protection), so a second sign-in of the same account within one 30-second step waits for the next.
 */
export async function freshTotp(secret: string): Promise<string> {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 26) await wait((30 - intoStep + 0.5) * 1000);
  const used = lastStepUsed.get(secret);
  let step = Math.floor(Date.now() / 1000 / 30);
  if (used !== undefined && step <= used) {
    await wait(((used + 1) * 30 + 0.5) * 1000 - Date.now());
    step = Math.floor(Date.now() / 1000 / 30);
  }
  lastStepUsed.set(secret, step);
  return totp(secret);
}
