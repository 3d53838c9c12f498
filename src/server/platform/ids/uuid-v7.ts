import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let poolAt = pool.length;
let lastMs = 0;
let sequence = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then a 12-bit sequence
 * that keeps ids of one millisecond in order, then 62 random bits. Rows written in bulk with such
 * ids land at the right end of their primary-key indexes (and of every index led by the id, such
 * as facility_history's) instead of at random pages: the database touches a few hot pages rather
 * than the whole index, which at a national file's size no longer fits in its buffers.
 *
 * The creation time it reveals is no secret for the records it is used for (public facilities).
 */
export function uuidV7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next millisecond (the order holds).
    lastMs++;
    sequence = 0;
  }
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const bytes = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | (sequence >>> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
