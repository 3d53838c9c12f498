import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A ZIP archive written as a stream of buffers, entry after entry, each entry deflated as it is
 * produced. Sizes and CRC follow each entry in a data descriptor, so nothing is held back: memory
 * stays at one deflate window whatever the size (exceljs' writer queues rows without limit).
 * Classic ZIP (no ZIP64): entries and the archive must stay under 4 GB.
 */
export class ZipStream {
  private offset = 0;
  private readonly entries: Array<{
    name: Buffer;
    crc: number;
    compressed: number;
    size: number;
    offset: number;
  }> = [];

  /** One entry: its content comes from `chunks`; yields the archive's bytes as they are ready. */
  async *entry(name: string, chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Buffer> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    yield this.emit(localHeader(nameBytes));
    const deflate = createDeflateRaw({ level: 6 });
    const ready: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => ready.push(chunk));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const flushReady = function* (this: ZipStream) {
      while (ready.length > 0) {
        const chunk = ready.shift()!;
        compressed += chunk.length;
        yield this.emit(chunk);
      }
    }.bind(this);
    for await (const text of chunks) {
      const data = Buffer.from(text, 'utf8');
      crc = crc32(data, crc);
      size += data.length;
      if (!deflate.write(data)) await once(deflate, 'drain');
      yield* flushReady();
    }
    deflate.end();
    await once(deflate, 'end');
    yield* flushReady();
    if (size >= 0xffffffff || this.offset >= 0xffffffff) throw new Error('xlsx export larger than 4 GB');
    yield this.emit(dataDescriptor(crc, compressed, size));
    this.entries.push({ name: nameBytes, crc, compressed, size, offset: start });
  }

  /** The central directory and its end record, after the last entry. */
  finish(): Buffer {
    const start = this.offset;
    const headers = this.entries.map((e) => centralHeader(e));
    const directory = Buffer.concat(headers);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    return this.emit(Buffer.concat([directory, end]));
  }

  private emit(bytes: Buffer): Buffer {
    this.offset += bytes.length;
    return bytes;
  }
}

// General purpose flags: bit 3 = sizes in a data descriptor, bit 11 = UTF-8 names.
const FLAGS = 0x0808;
const DEFLATE = 8;
// 1980-01-01 00:00 in DOS format: the files carry no meaningful time of their own.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function localHeader(name: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(FLAGS, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function dataDescriptor(crc: number, compressed: number, size: number): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc >>> 0, 4);
  descriptor.writeUInt32LE(compressed, 8);
  descriptor.writeUInt32LE(size, 12);
  return descriptor;
}

function centralHeader(e: { name: Buffer; crc: number; compressed: number; size: number; offset: number }) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(FLAGS, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(e.crc >>> 0, 16);
  header.writeUInt32LE(e.compressed, 20);
  header.writeUInt32LE(e.size, 24);
  header.writeUInt16LE(e.name.length, 28);
  header.writeUInt32LE(e.offset, 42);
  return Buffer.concat([header, e.name]);
}
