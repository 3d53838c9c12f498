import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { DecryptStream, EncryptStream } from './backup-crypto';

const key = { material: Buffer.from('backup-crypto-unit-key-0123456789abcdefgh') };
const FRAME = 64 * 1024;

async function run(input: Buffer[], transform: EncryptStream | DecryptStream): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(input),
    transform,
    new Writable({
      write(chunk, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

/** Splits `data` into chunks of the given sizes, cycling. */
function chunked(data: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(data.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

describe('backup encryption frames', () => {
  it.each([0, 1, FRAME - 1, FRAME, FRAME + 1, 3 * FRAME + 17])(
    'round-trips %i bytes however the input is chunked',
    async (length) => {
      const data = randomBytes(length);
      for (const sizes of [[length || 1], [1000], [FRAME - 3, 5], [7, FRAME * 2]]) {
        const sealed = await run(chunked(data, sizes), new EncryptStream(key));
        const opened = await run(chunked(sealed, [4093]), new DecryptStream(key, 'f'));
        expect(opened.equals(data)).toBe(true);
      }
    },
  );

  it('refuses a frame moved from another file under the same key', async () => {
    const data = randomBytes(2 * FRAME);
    const a = await run([data], new EncryptStream(key));
    const b = await run([data], new EncryptStream(key));
    // Same key, same plaintext, same frame index: only the per-file salt in the AAD differs.
    const spliced = Buffer.concat([a.subarray(0, 24), b.subarray(24)]);
    await expect(run([spliced], new DecryptStream(key, 'f'))).rejects.toMatchObject({
      code: 'backup.authentication_failed',
    });
  });
});
