/**
 * Reads one chunk of `my_data` rows from my_database.xlsx, as the tutorial's
 * `pd.read_excel(file, skiprows=…, nrows=…)` does, but streaming: only the
 * chunk's rows are kept, and the read stops after the chunk.
 *
 * The file is untrusted (a user may edit it by hand): the zip layer bounds
 * and checks every byte (zip-archive.ts), the package parts go through an
 * XML parser (xlsx-package.ts), and one set of rules judges every row
 * (sheet-cells.ts). On a file the lab wrote, the worker starts inflating at
 * the full-flush point before its first row, found in the lab's index, and
 * verifies every block it inflates against the index's CRC-32.
 */
import { resolve } from 'node:path';
import { CancelledError } from '../shared/cancelled-error';
import { ExcelError } from '../shared/excel-error';
import { excerpt } from '../shared/excel-messages';
import { DATASET_COLUMN } from '../shared/lessons';
import type { ReadStats } from '../shared/report';
import {
  headerProblem,
  headerText,
  SheetProblem,
  type CellContext,
  type CellData,
} from './sheet-cells';
import { SheetParser } from './sheet-parser';
import {
  MAX_ROW_BYTES,
  SheetScanner,
  UnsupportedLayout,
  type ScanStart,
  type ScanTarget,
} from './sheet-scanner';
import {
  readLayout,
  sharedString,
  type FlushBlock,
  type RowIndex,
  type WorkbookLayout,
} from './xlsx-package';
import { DamagedFileError, ZipArchive, type EntryStream } from './zip-archive';

export interface ChunkReadOptions {
  /** Data rows to skip after the header (pandas' `skiprows=range(1, start+1)`). */
  skiprows: number;
  /** Data rows to keep (pandas' `nrows`). */
  nrows: number;
  onProgress?: (rowsRead: number) => void;
  isCancelled?: () => boolean;
}

/** A chunk as the task sees it, shaped like the tutorial's `my_local_df`. */
export interface ExcelChunk {
  columns: [typeof DATASET_COLUMN];
  shape: [number, 1];
  my_data: Float64Array;
}

/** A reader that stops before the end verifies the rest only when this little is left. */
const DRAIN_TO_VERIFY = 1024 * 1024;

/** What a scan or a parse of the sheet leaves: the chunk, the header, where the sheet ended. */
interface SheetRead {
  data: Float64Array;
  got: number;
  header: CellData | null;
  firstRowAt: number;
  ended: boolean;
  /** The last sheet row seen. */
  lastRow: number;
}

/** Bytes read from the sheet, and how many of them matched a CRC-32. */
class Tally {
  compressed = 0;
  uncompressed = 0;
  verified = 0;
  add(stream: EntryStream): void {
    this.compressed += stream.compressedBytes;
    this.uncompressed += stream.uncompressedBytes;
    this.verified += stream.verifiedBytes;
  }
}

function fileProblem(file: string, path: string, error: unknown): ExcelError | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ExcelError(file, null, 'file-missing', { path });
  if (code === 'EACCES' || code === 'EPERM')
    return new ExcelError(file, null, 'file-denied', { path });
  if (code === 'EISDIR') return new ExcelError(file, null, 'file-is-folder', { path });
  if (code === 'EIO') return new ExcelError(file, null, 'file-io', { path });
  return null;
}

/**
 * Hands the stream's bytes to `consume` until it says it is done (`null`
 * marks the end of the stream). A read from the sheet's start that stopped
 * less than DRAIN_TO_VERIFY before the end goes on to the end, where the
 * entry's CRC-32 is checked; blocks of the lab's index are checked one by one.
 */
async function pump(
  stream: EntryStream,
  consume: (chunk: Buffer | null) => boolean,
  drainToEnd: (position: number) => boolean,
  tally: Tally,
): Promise<void> {
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        consume(null);
        return;
      }
      if (consume(next.value)) break;
    }
    if (drainToEnd(stream.uncompressedBytes)) while (!(await chunks.next()).done);
  } finally {
    await chunks.return?.(undefined);
    tally.add(stream);
  }
}

/** Feeds a scanner, keeping its unfinished row between blocks (up to MAX_ROW_BYTES). */
function scannerConsumer(scanner: SheetScanner): (chunk: Buffer | null) => boolean {
  let rest: Buffer | null = null;
  return (chunk) => {
    if (chunk === null) {
      if (scanner.inProlog) throw new UnsupportedLayout('no <sheetData> element');
      throw new UnsupportedLayout('the sheet ends inside its rows');
    }
    const buf = rest && rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    rest = buf.subarray(scanner.feed(buf));
    if (!scanner.done && rest.length > MAX_ROW_BYTES)
      throw scanner.inProlog
        ? new SheetProblem(null, 'prolog-too-long')
        : new SheetProblem(scanner.currentRow, 'row-too-long');
    return scanner.done;
  };
}

/** The flush block to start from: the last one whose first row is at or before `row`. */
function blockAt(blocks: readonly FlushBlock[], row: number): number {
  let found = 0;
  blocks.forEach((block, i) => {
    if (block.row <= row) found = i;
  });
  return found;
}

class ChunkRead {
  readonly tally = new Tally();
  startRow = 1;
  constructor(
    private readonly archive: ZipArchive,
    private readonly layout: WorkbookLayout,
    private readonly target: ScanTarget,
    private readonly context: CellContext,
    private readonly onProgress: (rowsRead: number) => void,
  ) {}

  /** Whether a read from the sheet's start that stopped at `position` reads on to verify the entry's CRC-32. */
  private drainToEnd = (position: number): boolean =>
    this.layout.sheet.uncompressedSize - position <= DRAIN_TO_VERIFY;

  /** The fast path: from the flush block before the chunk when the index allows, else from the start. */
  async scan(): Promise<SheetRead> {
    const index = this.layout.index;
    const wantsRows = this.target.lastRow >= this.target.firstRow;
    if (index && wantsRows) {
      const at = blockAt(index.blocks, this.target.firstRow);
      if (at > 0) return this.scanFromBlock(index, at);
    }
    const scanner = this.scanner(this.target, { kind: 'sheet' }, this.onProgress);
    const stream = index
      ? this.archive.inflateBlocks(this.layout.sheet, index.deflateBlocks)
      : this.archive.inflate(this.layout.sheet);
    await this.guarded(scanner, () =>
      pump(stream, scannerConsumer(scanner), index ? () => false : this.drainToEnd, this.tally),
    );
    return { ...this.state(scanner), header: scanner.header };
  }

  /** Reads the header from the first block, then the chunk from block `at` on. */
  private async scanFromBlock(index: RowIndex, at: number): Promise<SheetRead> {
    const sheet = this.layout.sheet;
    const first = this.scanner({ firstRow: 2, lastRow: 1 }, { kind: 'sheet' }, () => undefined);
    const headerBlock = this.archive.inflateBlocks(sheet, index.deflateBlocks.slice(0, 1));
    await pump(headerBlock, scannerConsumer(first), () => false, this.tally);
    const block = index.blocks[at] as FlushBlock;
    this.startRow = block.row;
    const scanner = this.scanner(this.target, { kind: 'row', row: block.row }, this.onProgress);
    const stream = this.archive.inflateBlocks(sheet, index.deflateBlocks.slice(at));
    await this.guarded(
      scanner,
      () => pump(stream, scannerConsumer(scanner), () => false, this.tally),
      first.header,
    );
    return { ...this.state(scanner), header: first.header };
  }

  private scanner(
    target: ScanTarget,
    start: ScanStart,
    onProgress: (rows: number) => void,
  ): SheetScanner {
    return new SheetScanner(target, start, this.context, onProgress);
  }

  /** The general path: the whole sheet through the XML parser, from its start. */
  async parse(): Promise<SheetRead> {
    const parser = new SheetParser(this.target, this.context, this.onProgress);
    this.startRow = 1;
    const consume = (chunk: Buffer | null): boolean => {
      if (chunk === null) parser.finish();
      else parser.feed(chunk);
      return parser.done;
    };
    await this.guarded(parser, () =>
      pump(this.archive.inflate(this.layout.sheet), consume, this.drainToEnd, this.tally),
    );
    return { ...this.state(parser), header: parser.header };
  }

  /** Runs a read; a problem in a data row gives way to a wrong header, which a student fixes first. */
  private async guarded(
    reader: SheetScanner | SheetParser,
    read: () => Promise<void>,
    header: CellData | null = null,
  ): Promise<void> {
    try {
      await read();
    } catch (error) {
      const found = header ?? reader.header;
      if (error instanceof SheetProblem && (error.row ?? 0) > 1 && found)
        await this.checkHeader(found, false);
      throw error;
    }
  }

  private state(reader: SheetScanner | SheetParser): Omit<SheetRead, 'header'> {
    return {
      data: reader.data,
      got: reader.got,
      firstRowAt: reader.firstRowAt,
      ended: reader.ended,
      lastRow: reader.currentRow - 1,
    };
  }

  /** The header must be the text `my_data`. */
  async checkHeader(cell: CellData | null, sheetEnded: boolean): Promise<void> {
    if (!cell && sheetEnded)
      throw new SheetProblem(null, 'sheet-empty', { column: DATASET_COLUMN });
    const found = headerText(cell);
    let text = found.text;
    if (found.sharedString !== null && this.layout.sharedStrings)
      text = await sharedString(this.archive, this.layout.sharedStrings, found.sharedString);
    if (text !== DATASET_COLUMN) throw headerProblem(text);
  }
}

/** The error a student sees for anything wrong inside the file. */
async function describe(
  file: string,
  error: unknown,
  archive: ZipArchive | null,
  layout: WorkbookLayout | null,
): Promise<unknown> {
  if (error instanceof DamagedFileError) return new ExcelError(file, null, error.key, error.params);
  if (!(error instanceof SheetProblem)) return error;
  if (error.sharedString !== null && archive && layout?.sharedStrings) {
    // A text cell: quote its text from the shared strings.
    const text = await sharedString(archive, layout.sharedStrings, error.sharedString).catch(
      () => null,
    );
    if (text !== null)
      return new ExcelError(file, error.row, 'text-cell', {
        column: DATASET_COLUMN,
        text: excerpt(text),
      });
  }
  return new ExcelError(file, error.row, error.key, error.params);
}

/** How a chunk was read, for the report: the reader, the times, the bytes, the checksums. */
function readStats(
  read: ChunkRead,
  layout: WorkbookLayout,
  reader: ReadStats['reader'],
  started: number,
  firstRowAt: number,
): ReadStats {
  const { tally } = read;
  return {
    reader,
    firstRowMs: firstRowAt < 0 ? 0 : firstRowAt - started,
    totalMs: performance.now() - started,
    startRow: read.startRow,
    index: layout.indexState,
    compressedBytes: tally.compressed,
    uncompressedBytes: tally.uncompressed,
    sheetCompressedBytes: layout.sheet.compressedSize,
    sheetUncompressedBytes: layout.sheet.uncompressedSize,
    crc32: tally.verified === tally.uncompressed ? 'verified' : 'not-reached',
  };
}

/** Reads data rows `skiprows … skiprows+nrows-1` of the first sheet's `my_data` column. */
export async function readExcelChunk(
  file: string,
  options: ChunkReadOptions,
): Promise<{ chunk: ExcelChunk; stats: ReadStats }> {
  const { skiprows, nrows } = options;
  if (!Number.isInteger(skiprows) || skiprows < 0 || !Number.isInteger(nrows) || nrows < 0)
    throw new RangeError(
      `read_excel needs whole numbers skiprows ≥ 0 and nrows ≥ 0, got ${skiprows} and ${nrows}`,
    );
  const path = resolve(file);
  const started = performance.now();
  const onProgress = (rowsRead: number): void => {
    options.onProgress?.(rowsRead);
    if (options.isCancelled?.()) throw new CancelledError('the run was cancelled');
  };
  let archive: ZipArchive | null = null;
  let layout: WorkbookLayout | null = null;
  try {
    archive = await ZipArchive.open(path);
    layout = await readLayout(archive);
    const target = { firstRow: skiprows + 2, lastRow: skiprows + nrows + 1 };
    const read = new ChunkRead(
      archive,
      layout,
      target,
      { dateStyles: layout.dateStyles },
      onProgress,
    );
    let reader: ReadStats['reader'] = 'scanner';
    const sheet = await read.scan().catch((error: unknown) => {
      if (!(error instanceof UnsupportedLayout)) throw error;
      reader = 'xml-parser';
      return read.parse();
    });
    await read.checkHeader(sheet.header, sheet.ended && sheet.lastRow === 0);
    if (sheet.got < nrows)
      throw new SheetProblem(null, 'sheet-ends', {
        first: skiprows,
        last: skiprows + nrows - 1,
        rows: Math.max(0, sheet.lastRow - 1),
        lastRow: sheet.lastRow,
      });
    options.onProgress?.(sheet.got);
    const stats = readStats(read, layout, reader, started, sheet.firstRowAt);
    return { chunk: { columns: [DATASET_COLUMN], shape: [nrows, 1], my_data: sheet.data }, stats };
  } catch (error) {
    throw fileProblem(file, path, error) ?? (await describe(file, error, archive, layout));
  } finally {
    await archive?.close();
  }
}
