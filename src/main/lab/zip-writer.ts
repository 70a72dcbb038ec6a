/**
 * A small zip writer for the lab's own workbook: entries are written one
 * after another to a file, each local header patched with its CRC-32 and
 * sizes once its data is out (no data descriptors, which some readers
 * mishandle). An entry may be written as a sequence of deflate blocks, each
 * ending in a full flush, so that a reader can start inflating at any block:
 * that is how my_database.xlsx lets each worker read only its chunk.
 */
import type { FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, type ZlibOptions } from 'node:zlib';

const deflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(deflateRaw);

/** zip's 32-bit fields: the lab's parts stay far below (the largest sheet is about 50 MB). */
const MAX_ZIP32 = 0xfffffffe;

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
}

/** One deflate block of a streamed entry, as a reader needs it to start there. */
export interface WrittenBlock {
  compressedOffset: number;
  uncompressedOffset: number;
  /** CRC-32 of the block's uncompressed bytes alone. */
  crc: number;
}

/** The MS-DOS time and date zip stores. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function localHeader(name: Buffer, stamp: { time: number; day: number }): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: deflate
  header.writeUInt16LE(0x0800, 6); // names are UTF-8
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt16LE(stamp.time, 10);
  header.writeUInt16LE(stamp.day, 12);
  // CRC-32 and sizes (14–25) are patched in when the data is written.
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

/** An entry being written as deflate blocks. */
export class StreamedEntry {
  readonly blocks: WrittenBlock[] = [];
  private crc = 0;
  private compressed = 0;
  private uncompressed = 0;

  constructor(
    private readonly writer: ZipWriter,
    private readonly level: number,
  ) {}

  /**
   * Deflates `data` as one block that ends in a full flush (or, for the
   * last, the end of the stream), so that inflating can start at its first
   * byte without anything before it.
   */
  async writeBlock(data: Buffer, last = false): Promise<void> {
    const blockCrc = crc32(data);
    const output = await deflateRawAsync(data, {
      level: this.level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
    });
    this.blocks.push({
      compressedOffset: this.compressed,
      uncompressedOffset: this.uncompressed,
      crc: blockCrc,
    });
    this.crc = crc32(data, this.crc);
    this.compressed += output.length;
    this.uncompressed += data.length;
    await this.writer.writeRaw(output);
  }

  totals(): { crc: number; compressedSize: number; uncompressedSize: number } {
    return { crc: this.crc, compressedSize: this.compressed, uncompressedSize: this.uncompressed };
  }
}

/** Writes a zip to an open file handle; call `finish` once every entry is written. */
export class ZipWriter {
  private position = 0;
  private readonly central: CentralRecord[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(private readonly handle: FileHandle) {}

  /** @internal Appends bytes at the end of the file. */
  async writeRaw(data: Buffer): Promise<void> {
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(
        data,
        written,
        data.length - written,
        this.position,
      );
      written += bytesWritten;
      this.position += bytesWritten;
    }
  }

  /** A whole entry from one buffer. */
  async addEntry(name: string, data: Buffer | string, level = 6): Promise<void> {
    await this.addStreamed(name, level, async (entry) => {
      await entry.writeBlock(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, true);
    });
  }

  /** An entry written block by block by `write`; returns its blocks and totals. */
  async addStreamed(
    name: string,
    level: number,
    write: (entry: StreamedEntry) => Promise<void>,
  ): Promise<StreamedEntry> {
    const encoded = Buffer.from(name, 'utf8');
    const offset = this.position;
    await this.writeRaw(localHeader(encoded, this.stamp));
    const entry = new StreamedEntry(this, level);
    await write(entry);
    const { crc, compressedSize, uncompressedSize } = entry.totals();
    if (compressedSize > MAX_ZIP32 || uncompressedSize > MAX_ZIP32)
      throw new RangeError(`${name} is larger than a zip without zip64 holds`);
    const patch = Buffer.alloc(12);
    patch.writeUInt32LE(crc >>> 0, 0);
    patch.writeUInt32LE(compressedSize, 4);
    patch.writeUInt32LE(uncompressedSize, 8);
    await this.handle.write(patch, 0, 12, offset + 14);
    this.central.push({ name: encoded, crc, compressedSize, uncompressedSize, offset });
    return entry;
  }

  /** Writes the central directory and its end record. */
  async finish(): Promise<void> {
    const start = this.position;
    for (const record of this.central) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4); // made by: version 2.0
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.day, 14);
      header.writeUInt32LE(record.crc >>> 0, 16);
      header.writeUInt32LE(record.compressedSize, 20);
      header.writeUInt32LE(record.uncompressedSize, 24);
      header.writeUInt16LE(record.name.length, 28);
      header.writeUInt32LE(record.offset, 42);
      await this.writeRaw(Buffer.concat([header, record.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(this.position - start, 12);
    end.writeUInt32LE(start, 16);
    await this.writeRaw(end);
  }
}
