/**
 * Writes zip files byte by byte for the reader's tests, including the kinds
 * a careful reader must handle or refuse: stored and deflated entries, data
 * descriptors, zip64, encryption flags, CRC-32s and sizes that lie, entries in
 * any order. Nothing here comes from the code under test.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** 0 = stored, 8 = deflate (the default). */
  method?: 0 | 8;
  /** Compressed bytes to write instead of deflating `data` (a bomb made elsewhere). */
  compressed?: Buffer;
  /** The CRC-32 to declare, when it should not match. */
  crc?: number;
  /** The uncompressed size to declare, when it should not match. */
  declaredSize?: number;
  /** Write sizes and CRC in a data descriptor after the data (flag bit 3). */
  dataDescriptor?: boolean;
  /** Set the encryption flag (bit 0). */
  encrypted?: boolean;
}

export interface ZipOptions {
  /** Write zip64 records: the end of central directory and each entry's sizes and offset. */
  zip64?: boolean;
}

const bytes = (data: Buffer | string): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

function u64(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
}

/** A zip archive holding `entries` in the order given. */
export function buildZip(entries: readonly ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (buffer: Buffer): void => {
    parts.push(buffer);
    offset += buffer.length;
  };
  for (const entry of entries) {
    const data = bytes(entry.data);
    const method = entry.method ?? 8;
    const compressed = entry.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = entry.crc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.encrypted ? 1 : 0) | (entry.dataDescriptor ? 8 : 0) | 0x0800;
    const localOffset = offset;
    const extra = zip64
      ? Buffer.concat([u16(1), u16(16), u64(size), u64(compressed.length)])
      : Buffer.alloc(0);
    const hide = entry.dataDescriptor;
    push(
      Buffer.concat([
        u32(0x04034b50),
        u16(zip64 ? 45 : 20),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        u32(hide ? 0 : crc),
        u32(hide ? 0 : zip64 ? 0xffffffff : compressed.length),
        u32(hide ? 0 : zip64 ? 0xffffffff : size),
        u16(name.length),
        u16(extra.length),
        name,
        extra,
      ]),
    );
    push(compressed);
    if (entry.dataDescriptor)
      push(Buffer.concat([u32(0x08074b50), u32(crc), u32(compressed.length), u32(size)]));
    const centralExtra = zip64
      ? Buffer.concat([u16(1), u16(24), u64(size), u64(compressed.length), u64(localOffset)])
      : Buffer.alloc(0);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(zip64 ? 45 : 20),
        u16(zip64 ? 45 : 20),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(zip64 ? 0xffffffff : compressed.length),
        u32(zip64 ? 0xffffffff : size),
        u16(name.length),
        u16(centralExtra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(zip64 ? 0xffffffff : localOffset),
        name,
        centralExtra,
      ]),
    );
  }
  const directory = Buffer.concat(central);
  const directoryOffset = offset;
  push(directory);
  if (zip64) {
    const recordOffset = offset;
    push(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(entries.length),
        u64(entries.length),
        u64(directory.length),
        u64(directoryOffset),
      ]),
    );
    push(Buffer.concat([u32(0x07064b50), u32(0), u64(recordOffset), u32(1)]));
  }
  push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(zip64 ? 0xffff : entries.length),
      u16(zip64 ? 0xffff : entries.length),
      u32(zip64 ? 0xffffffff : directory.length),
      u32(zip64 ? 0xffffffff : directoryOffset),
      u16(0),
    ]),
  );
  return Buffer.concat(parts);
}

/**
 * Raw deflate of `pieces` × 16 MiB of `byte`, built without holding the
 * output: one 16 MiB piece deflated with a full flush (which resets the
 * compressor, so copies of it concatenate into one valid stream), repeated,
 * then an empty final block. A gibibyte is about a megabyte.
 */
export function deflatedRepeat(byte: number, pieces: number): Buffer {
  const piece = deflateRawSync(Buffer.alloc(PIECE, byte), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: pieces }, () => piece), end]);
}

/** The bytes one piece of `deflatedRepeat` inflates to. */
export const PIECE = 16 * 1024 * 1024;
