import { inflateRawSync } from 'node:zlib';

/** One file of a zip archive, uncompressed. */
export type ZipEntry = { name: string; data: Buffer };

/** Why an archive could not be read: the caller says it to the person in their language. */
export class ZipError extends Error {}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads the files of a zip archive (the registry's downloads, say), as the format's own central
 * directory lists them: stored or deflated entries, no encryption, no zip64 (files under 4 GiB).
 * Written here because Node reads deflate but not the zip container, and none of our direct
 * dependencies does; directories are skipped. Throws ZipError for anything else.
 */
export function readZip(archive: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== CENTRAL_FILE_HEADER)
      throw new ZipError('central directory is damaged');
    const flags = archive.readUInt16LE(offset + 8);
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    // Bit 11: the name is UTF-8; otherwise Japanese tools wrote Shift_JIS, which our names never need.
    const name = archive
      .subarray(offset + 46, offset + 46 + nameLength)
      .toString(flags & 0x800 ? 'utf8' : 'latin1');
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (name.endsWith('/')) continue;
    entries.push({ name, data: entryData(archive, localOffset, method, compressedSize, name) });
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  if (archive.length < 22) throw new ZipError('not a zip archive');
  // The record is 22 bytes plus a comment of at most 65,535: search backwards from the end.
  const earliest = Math.max(0, archive.length - 22 - 0xffff);
  for (let at = archive.length - 22; at >= earliest; at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError('not a zip archive');
}

function entryData(archive: Buffer, local: number, method: number, size: number, name: string): Buffer {
  if (local + 30 > archive.length || archive.readUInt32LE(local) !== LOCAL_FILE_HEADER)
    throw new ZipError(`${name}: local header is damaged`);
  const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
  const body = archive.subarray(start, start + size);
  if (body.length !== size) throw new ZipError(`${name}: archive is cut short`);
  if (method === STORED) return Buffer.from(body);
  if (method === DEFLATED) return inflateRawSync(body);
  throw new ZipError(`${name}: compression method ${method} is not supported`);
}
