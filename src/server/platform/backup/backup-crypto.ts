import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * Encrypted backups (docs/decisions/021-backup-encryption.md): AES-256-GCM in chunked frames.
 *
 *   "ZTKENC1\n" | salt 16                       file header, bound into every frame's AAD
 *   final 1 | length 4 | ciphertext | tag 16     one frame per ≤ 64 KiB of the gzip'd backup
 *
 * The file key is HKDF-SHA-256(operator key, salt); frame n's nonce is n (96 bits), unique under
 * a key used for one file only. The AAD carries the header, n and the final flag, so frames cannot
 * be reordered, dropped or moved between files, and a file without its final frame is refused.
 * A frame's plaintext is released only after its tag checks.
 */
export const ENCRYPTED_MAGIC = Buffer.from('ZTKENC1\n', 'latin1');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const SALT_BYTES = 16;
const TAG_BYTES = 16;
const FRAME_BYTES = 64 * 1024;
const FRAME_HEAD = 5;

/** The operator's key material (at least 32 characters), never stored with the data. */
export type BackupKey = { material: Buffer };

/**
 * The key from `--key-file` (its content, trimmed) or else BACKUP_ENCRYPTION_KEY; undefined when
 * neither is given. Throws backup.key_required for a key file too short to be a key.
 */
export function backupKeyFrom(
  config: Pick<Config, 'BACKUP_ENCRYPTION_KEY'>,
  keyFile?: string,
): BackupKey | undefined {
  if (keyFile) {
    const text = readFileSync(keyFile, 'utf8').trim();
    if (text.length < 32) {
      throw new AppError('backup.key_required', {
        hint: `${keyFile}: 32文字以上の鍵が必要です / the key file must hold at least 32 characters`,
      });
    }
    return { material: Buffer.from(text, 'utf8') };
  }
  return config.BACKUP_ENCRYPTION_KEY
    ? { material: Buffer.from(config.BACKUP_ENCRYPTION_KEY, 'utf8') }
    : undefined;
}

export type BackupFileKind = 'encrypted' | 'plain' | 'unknown';

/** What the file's first bytes say it is. */
export function backupFileKind(path: string): BackupFileKind {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === head.length && head.equals(ENCRYPTED_MAGIC)) return 'encrypted';
    if (n >= 2 && head.subarray(0, 2).equals(GZIP_MAGIC)) return 'plain';
    return 'unknown';
  } finally {
    closeSync(fd);
  }
}

function fileKey(key: BackupKey, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key.material, salt, 'zaitaku backup v1 aes-256-gcm', 32));
}

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

function aad(header: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail.writeUInt8(final ? 1 : 0, 8);
  return Buffer.concat([header, tail]);
}

/** Encrypts a byte stream into the framed format. */
export class EncryptStream extends Transform {
  private readonly header: Buffer;
  private readonly key: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;

  constructor(key: BackupKey) {
    super();
    const salt = randomBytes(SALT_BYTES);
    this.header = Buffer.concat([ENCRYPTED_MAGIC, salt]);
    this.key = fileKey(key, salt);
    this.push(this.header);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // Frames are cut from the chunk by offset: joining all pending bytes per frame was quadratic
    // in a large chunk (64 MiB took 20 s).
    let offset = 0;
    while (this.pendingBytes + (chunk.length - offset) >= FRAME_BYTES) {
      const take = FRAME_BYTES - this.pendingBytes;
      const piece = chunk.subarray(offset, offset + take);
      this.frame(this.pending.length === 0 ? piece : Buffer.concat([...this.pending, piece]), false);
      this.pending = [];
      this.pendingBytes = 0;
      offset += take;
    }
    if (offset < chunk.length) {
      this.pending.push(chunk.subarray(offset));
      this.pendingBytes += chunk.length - offset;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.frame(Buffer.concat(this.pending), true);
    done();
  }

  private frame(plain: Buffer, final: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index));
    cipher.setAAD(aad(this.header, this.index, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(FRAME_HEAD);
    head.writeUInt8(final ? 1 : 0, 0);
    head.writeUInt32BE(body.length, 1);
    this.push(Buffer.concat([head, body, cipher.getAuthTag()]));
    this.index++;
  }
}

/** Decrypts the framed format; fails with backup.authentication_failed on any frame that does not check. */
export class DecryptStream extends Transform {
  private buffered: Buffer = Buffer.alloc(0);
  private header: Buffer | undefined;
  private key: Buffer | undefined;
  private index = 0;
  private ended = false;

  constructor(
    private readonly operatorKey: BackupKey,
    private readonly path: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    try {
      this.drain();
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (!this.ended || this.buffered.length > 0) {
      done(
        this.failed(
          this.ended ? 'data after the last frame' : 'the file ends before its last frame (truncated)',
        ),
      );
      return;
    }
    done();
  }

  private drain(): void {
    if (!this.header) {
      const size = ENCRYPTED_MAGIC.length + SALT_BYTES;
      if (this.buffered.length < size) return;
      this.header = this.buffered.subarray(0, size);
      if (!this.header.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC))
        throw this.failed('not encrypted');
      this.key = fileKey(this.operatorKey, this.header.subarray(ENCRYPTED_MAGIC.length));
      this.buffered = this.buffered.subarray(size);
    }
    while (this.buffered.length >= FRAME_HEAD) {
      if (this.ended) throw this.failed('data after the last frame');
      const final = this.buffered.readUInt8(0) === 1;
      const length = this.buffered.readUInt32BE(1);
      if (length > FRAME_BYTES + 16) throw this.failed('frame too large');
      const total = FRAME_HEAD + length + TAG_BYTES;
      if (this.buffered.length < total) return;
      const body = this.buffered.subarray(FRAME_HEAD, FRAME_HEAD + length);
      const tag = this.buffered.subarray(FRAME_HEAD + length, total);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.key!, nonce(this.index));
        decipher.setAAD(aad(this.header, this.index, final));
        decipher.setAuthTag(tag);
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        // A wrong key and a changed byte look the same to GCM: both fail the tag.
        throw this.failed(`frame ${this.index} does not authenticate`);
      }
      this.buffered = this.buffered.subarray(total);
      this.index++;
      if (final) this.ended = true;
      this.push(plain);
    }
  }

  private failed(problem: string): AppError {
    return new AppError('backup.authentication_failed', {
      file: this.path,
      hint: `${this.path}: ${problem}`,
    });
  }
}
