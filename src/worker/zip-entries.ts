/**
 * Finds entries of a zip file (an .xlsx is one) from its central directory,
 * and opens one as a stream of its uncompressed bytes, without reading the
 * rest of the file. Zip64 and encrypted entries are not handled: callers
 * fall back to a full reader for those.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync, type InflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The zip cannot be read by this module (not a zip, zip64, encryption, an odd method). */
export class UnsupportedZipError extends Error {
  override name = 'UnsupportedZipError';
  constructor(
    message: string,
    /** True when the file is not a zip archive at all (rather than one this module does not read). */
    readonly notAZip = false,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Lists the entries of the zip open in `handle`. */
export async function listEntries(handle: FileHandle): Promise<Map<string, ZipEntry>> {
  const { size } = await handle.stat();
  const tailLength = Math.min(size, MAX_COMMENT + 22);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new UnsupportedZipError('no end-of-central-directory record: not a zip file', true);
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new UnsupportedZipError('zip64 archive');
  }
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new UnsupportedZipError('damaged central directory');
    }
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const compressedSize = directory.readUInt32LE(at + 20);
    const uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const localHeaderOffset = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    if (flags & 1) throw new UnsupportedZipError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8)
      throw new UnsupportedZipError(`compression method ${method} in ${name}`);
    if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
      throw new UnsupportedZipError('zip64 entry');
    entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where the entry's data starts (after its local header, whose lengths may differ from the central one). */
async function dataOffset(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE)
    throw new UnsupportedZipError(`damaged local header of ${entry.name}`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** The whole uncompressed content of a small entry. */
export async function readEntry(handle: FileHandle, entry: ZipEntry): Promise<Buffer> {
  const data = await readAt(handle, await dataOffset(handle, entry), entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(data) : data;
}

/** A stream of the entry's uncompressed bytes; destroy both streams to stop early. */
export async function openEntryStream(
  path: string,
  handle: FileHandle,
  entry: ZipEntry,
): Promise<{ file: ReadStream; content: ReadStream | InflateRaw }> {
  const start = await dataOffset(handle, entry);
  const file = createReadStream(path, {
    start,
    end: start + Math.max(entry.compressedSize, 1) - 1,
    highWaterMark: 256 * 1024,
  });
  if (entry.method === 0) return { file, content: file };
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  file.pipe(inflate);
  return { file, content: inflate };
}
