/**
 * The zip layer of an .xlsx, for files the lab treats as untrusted (a user
 * may hand-edit my_database.xlsx, or be handed a hostile one). yauzl, a
 * maintained reader, parses the directory (zip64, data descriptors, odd
 * names); this module inflates the parts itself so that every byte is
 * bounded and checked:
 *
 * - output is limited by the real bytes produced, never by a declared size;
 * - past the first MiB, a part may not inflate more than 100 times its
 *   compressed bytes (Apache POI's zip-bomb rule), so a hostile file fails in
 *   time proportional to its own size;
 * - every byte inflated is checked against a CRC-32, the entry's when the
 *   read reaches its end, or the lab's per-block ones (see workbook-format).
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { pipeline, Transform, type Readable } from 'node:stream';
import { constants, createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import * as yauzl from 'yauzl';
import { excelMessage, type ExcelMessageKey, type ExcelParams } from '../shared/excel-messages';

/** The file is damaged, hostile, or a kind of zip the lab does not read; the message says which. */
export class DamagedFileError extends Error {
  override name = 'DamagedFileError';
  constructor(
    readonly key: ExcelMessageKey,
    readonly params: ExcelParams = {},
  ) {
    super(excelMessage(key, params));
  }
}

export interface ArchiveEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  raw: yauzl.Entry;
}

/** Bounds for any file, whatever its headers say. */
export const ZIP_LIMITS = {
  /** An xlsx has a dozen parts; ten thousand is already absurd. */
  entries: 10_000,
  /** workbook.xml, relationships, styles, shared strings: real bytes after inflating. */
  metadataBytes: 16 * 1024 * 1024,
  /** Output allowed per compressed byte, once past `ratioGrace`. */
  ratio: 100,
  ratioGrace: 1024 * 1024,
} as const;

const READ_BLOCK = 64 * 1024;

/**
 * One block of an entry written with full flushes (the lab's sheet): it
 * inflates on its own, and its size and CRC-32 are known from the lab's index.
 */
export interface DeflateBlock {
  compressedStart: number;
  compressedEnd: number;
  uncompressedSize: number;
  crc: number;
}

/** An inflate in progress: its chunks, and what it has read and verified so far. */
export interface EntryStream extends AsyncIterable<Buffer> {
  /** Bytes of the entry read from the file (including read-ahead). */
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** Uncompressed bytes whose CRC-32 matched. */
  readonly verifiedBytes: number;
}

interface StreamState {
  compressedBytes: number;
  uncompressedBytes: number;
  verifiedBytes: number;
}

function entryStream(state: StreamState, generator: AsyncGenerator<Buffer>): EntryStream {
  return {
    get compressedBytes() {
      return state.compressedBytes;
    },
    get uncompressedBytes() {
      return state.uncompressedBytes;
    },
    get verifiedBytes() {
      return state.verifiedBytes;
    },
    [Symbol.asyncIterator]: () => generator,
  };
}

function describeYauzlError(error: Error): DamagedFileError {
  const text = error.message;
  if (/end of central directory record signature not found/i.test(text))
    return new DamagedFileError('not-a-zip');
  return new DamagedFileError('zip-damaged', { reason: text });
}

/** An .xlsx opened for reading; close it when done. */
export class ZipArchive {
  /** Where each entry's data starts, from its local header (read once). */
  private readonly dataStarts = new Map<ArchiveEntry, Promise<number>>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** The same file, for positioned reads of byte ranges (one system call each). */
    private readonly handle: FileHandle,
    readonly entries: ReadonlyMap<string, ArchiveEntry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const { size, isDirectory } = await stat(path).then((s) => ({
      size: s.size,
      isDirectory: s.isDirectory(),
    }));
    if (isDirectory) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    if (size === 0) throw new DamagedFileError('file-empty');
    const zip = await yauzl
      .openPromise(path, { autoClose: false, strictFileNames: false })
      .catch((error: NodeJS.ErrnoException) => {
        throw error.code ? error : describeYauzlError(error);
      });
    // Errors closing the file would otherwise be thrown from an event.
    zip.on('error', () => undefined);
    let handle: FileHandle | null = null;
    try {
      handle = await open(path, 'r');
      return new ZipArchive(zip, handle, await listEntries(zip));
    } catch (error) {
      zip.close();
      await handle?.close();
      throw error;
    }
  }

  get(name: string): ArchiveEntry | undefined {
    return this.entries.get(name);
  }

  /**
   * The whole content of a small part, bounded by `limit` real bytes (zlib
   * stops there, whatever the headers say) and checked against its size and
   * CRC-32.
   */
  async readPart(entry: ArchiveEntry, limit: number = ZIP_LIMITS.metadataBytes): Promise<Buffer> {
    const tooLarge = (): DamagedFileError =>
      new DamagedFileError('part-too-large', { part: entry.name, limit: limit / 1024 / 1024 });
    if (entry.compressedSize > limit || entry.uncompressedSize > limit) throw tooLarge();
    const raw =
      entry.compressedSize === 0
        ? Buffer.alloc(0)
        : await this.rawBytes(entry, 0, entry.compressedSize);
    let data = raw;
    if (entry.method === 8) {
      try {
        // One byte more than declared is enough to know the header lies.
        data = inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (error) {
        if (error instanceof RangeError) throw declaredTooSmall(entry);
        throw notInflating(entry, error);
      }
    }
    if (data.length !== entry.uncompressedSize)
      throw new DamagedFileError('part-size-mismatch', {
        part: entry.name,
        actual: data.length,
        declared: entry.uncompressedSize,
      });
    if (crc32(data) !== entry.crc32 >>> 0)
      throw new DamagedFileError('part-crc', { part: entry.name });
    return data;
  }

  /**
   * The entry's uncompressed bytes, from its start, checked against its
   * size and CRC-32 when the read reaches the end. Breaking out of the loop
   * stops reading.
   */
  inflate(entry: ArchiveEntry): EntryStream {
    const state: StreamState = { compressedBytes: 0, uncompressedBytes: 0, verifiedBytes: 0 };
    return entryStream(state, this.streamEntry(entry, state));
  }

  private async *streamEntry(entry: ArchiveEntry, state: StreamState): AsyncGenerator<Buffer> {
    const raw = await this.rawData(entry, 0);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        state.compressedBytes += chunk.length;
        done(null, chunk);
      },
    });
    const noop = (): undefined => undefined;
    const output: Readable =
      entry.method === 8
        ? pipeline(raw, counter, createInflateRaw({ chunkSize: READ_BLOCK }), noop)
        : pipeline(raw, counter, noop);
    let crc = 0;
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        state.uncompressedBytes += chunk.length;
        checkBounds(entry, state.uncompressedBytes, state);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      throw error instanceof DamagedFileError ? error : notInflating(entry, error);
    } finally {
      output.destroy();
      raw.destroy();
    }
    if (state.uncompressedBytes !== entry.uncompressedSize)
      throw new DamagedFileError('part-size-mismatch', {
        part: entry.name,
        actual: state.uncompressedBytes,
        declared: entry.uncompressedSize,
      });
    if (crc !== entry.crc32 >>> 0) throw new DamagedFileError('part-crc', { part: entry.name });
    state.verifiedBytes = state.uncompressedBytes;
  }

  /**
   * The entry's blocks from `blocks[0]` on, each read on its own, inflated
   * to exactly its size (no more is ever produced) and checked against its
   * CRC-32 before it is handed out.
   */
  inflateBlocks(entry: ArchiveEntry, blocks: readonly DeflateBlock[]): EntryStream {
    const state: StreamState = { compressedBytes: 0, uncompressedBytes: 0, verifiedBytes: 0 };
    return entryStream(state, this.streamBlocks(entry, blocks, state));
  }

  private async *streamBlocks(
    entry: ArchiveEntry,
    blocks: readonly DeflateBlock[],
    state: StreamState,
  ): AsyncGenerator<Buffer> {
    for (const block of blocks) {
      const raw = await this.rawBytes(entry, block.compressedStart, block.compressedEnd);
      state.compressedBytes += raw.length;
      const data = entry.method === 8 ? inflateBlock(entry, raw, block) : raw;
      if (data.length !== block.uncompressedSize || crc32(data) !== block.crc >>> 0)
        throw new DamagedFileError('block-mismatch', {
          part: entry.name,
          start: block.compressedStart,
          end: block.compressedEnd,
        });
      state.uncompressedBytes += data.length;
      state.verifiedBytes += data.length;
      yield data;
    }
  }

  async close(): Promise<void> {
    this.zip.close();
    await this.handle.close();
  }

  /** The compressed bytes `start … end-1` of the entry, as they are in the file. */
  private async rawBytes(entry: ArchiveEntry, start: number, end: number): Promise<Buffer> {
    if (!(start >= 0 && end > start && end <= entry.compressedSize))
      throw new DamagedFileError('range-outside', { part: entry.name, start, end });
    const dataStart = await this.dataStart(entry);
    const buffer = Buffer.allocUnsafe(end - start);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        filled,
        buffer.length - filled,
        dataStart + start + filled,
      );
      if (bytesRead === 0) throw new DamagedFileError('part-truncated', { part: entry.name });
      filled += bytesRead;
    }
    return buffer;
  }

  /** Where the entry's data starts; yauzl reads and checks its local header. */
  private dataStart(entry: ArchiveEntry): Promise<number> {
    let start = this.dataStarts.get(entry);
    if (!start) {
      start = this.zip
        .readLocalFileHeaderPromise(entry.raw, { minimal: true })
        .then((header) => header.fileDataStart)
        .catch((error: Error) => {
          throw new DamagedFileError('local-header', { part: entry.name, reason: error.message });
        });
      this.dataStarts.set(entry, start);
    }
    return start;
  }

  /** The entry's compressed bytes from `offset`, as they are in the file. */
  private async rawData(entry: ArchiveEntry, offset: number): Promise<Readable> {
    try {
      return await this.zip.openReadStreamPromise(entry.raw, {
        decodeFileData: false,
        start: offset,
      });
    } catch (error) {
      throw new DamagedFileError('data-unreadable', {
        part: entry.name,
        reason: (error as Error).message,
      });
    }
  }
}

function checkBounds(
  entry: ArchiveEntry,
  uncompressedEnd: number,
  state: { compressedBytes: number; uncompressedBytes: number },
): void {
  if (uncompressedEnd > entry.uncompressedSize) throw declaredTooSmall(entry);
  if (
    state.uncompressedBytes > ZIP_LIMITS.ratioGrace &&
    state.uncompressedBytes > ZIP_LIMITS.ratio * Math.max(state.compressedBytes, 1)
  )
    throw new DamagedFileError('zip-bomb', { part: entry.name, ratio: ZIP_LIMITS.ratio });
}

function declaredTooSmall(entry: ArchiveEntry): DamagedFileError {
  return new DamagedFileError('declared-too-small', {
    part: entry.name,
    declared: entry.uncompressedSize,
  });
}

function notInflating(entry: ArchiveEntry, error: unknown): DamagedFileError {
  return new DamagedFileError('not-deflate', {
    part: entry.name,
    reason: (error as Error).message,
  });
}

/**
 * Inflates one full-flush block; zlib stops at its recorded size plus one
 * byte, so a bomb cannot grow. Synchronous and in one piece: a block is
 * about 700 KB and takes about 1.5 ms, where the asynchronous call took five
 * times longer in 16 KiB thread-pool round trips.
 */
function inflateBlock(entry: ArchiveEntry, raw: Buffer, block: DeflateBlock): Buffer {
  const limit = block.uncompressedSize + 1;
  try {
    return inflateRawSync(raw, {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: limit,
      chunkSize: Math.min(Math.max(limit, 64), 4 * 1024 * 1024),
    });
  } catch (error) {
    throw notInflating(entry, error);
  }
}

async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, ArchiveEntry>> {
  if (zip.entryCount > ZIP_LIMITS.entries)
    throw new DamagedFileError('too-many-parts', {
      count: zip.entryCount,
      max: ZIP_LIMITS.entries,
    });
  const entries = new Map<string, ArchiveEntry>();
  try {
    for await (const raw of zip.eachEntry()) {
      const name = raw.fileName.replace(/^\//, '');
      if (raw.isEncrypted()) throw new DamagedFileError('encrypted', { part: name });
      if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8)
        throw new DamagedFileError('compression-method', {
          part: name,
          method: raw.compressionMethod,
        });
      entries.set(name, {
        name,
        method: raw.compressionMethod,
        compressedSize: raw.compressedSize,
        uncompressedSize: raw.uncompressedSize,
        crc32: raw.crc32,
        raw,
      });
    }
  } catch (error) {
    if (error instanceof DamagedFileError) throw error;
    throw describeYauzlError(error as Error);
  }
  return entries;
}
