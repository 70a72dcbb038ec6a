/**
 * The fast path of a partial read: streams the first sheet's XML out of the
 * zip and scans it for `<row>` elements with `indexOf`, so the rows before
 * the chunk are skipped without building any object, the chunk's values are
 * parsed straight into a Float64Array, and the read stops right after the
 * chunk's last row. Nothing is copied to a temporary file, and memory stays
 * bounded by the chunk plus a few stream buffers.
 *
 * It reads the plain layout of a data column (numbers in column A, a text
 * header). Anything else (formulas, text in the data, rows without numbers,
 * zip64, a sheet that ends early) raises `NeedsFullReader`, and the caller
 * reads the workbook with exceljs instead, which also says precisely what is
 * wrong with it.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { DATASET_COLUMN } from '../shared/experiments';
import { listEntries, openEntryStream, readEntry, type ZipEntry } from './zip-entries';

/** The fast path cannot read this workbook; the full reader can, or can say why not. */
export class NeedsFullReader extends Error {
  override name = 'NeedsFullReader';
}

export interface ScanOptions {
  skiprows: number;
  nrows: number;
  /** Called every few thousand rows with the chunk rows read so far; may throw to stop. */
  onProgress: (rowsRead: number) => void;
}

export interface ScanResult {
  data: Float64Array;
  /** Milliseconds from the start of the read to the chunk's first row. */
  firstRowMs: number;
}

const PROGRESS_EVERY = 16_384;
const MAX_SHARED_STRINGS_BYTES = 1024 * 1024;

/** The value of attribute `name` in the tag `text[from, to)`, or null. Searches only inside the tag. */
function attribute(text: string, name: string, from: number, to: number): string | null {
  const tag = text.slice(from, to);
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return null;
  const start = at + key.length;
  const end = tag.indexOf('"', start);
  return end < 0 ? null : tag.slice(start, end);
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_m, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name] ?? '',
  );
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
async function firstSheetPath(handle: FileHandle, entries: Map<string, ZipEntry>): Promise<string> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new NeedsFullReader('no workbook parts');
  const workbookXml = (await readEntry(handle, workbook)).toString('utf8');
  const sheet =
    /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbookXml) ??
    /<sheet\b[^>]*\bid="([^"]+)"/.exec(workbookXml);
  if (!sheet) throw new NeedsFullReader('no sheet in workbook.xml');
  const relsXml = (await readEntry(handle, rels)).toString('utf8');
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attribute(match[0], 'Id', 0, match[0].length) === sheet[1]) {
      const target = attribute(match[0], 'Target', 0, match[0].length) ?? '';
      return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
    }
  }
  throw new NeedsFullReader('the first sheet has no relationship');
}

/** The shared string at `index`, for a header cell stored as one. */
async function sharedString(
  handle: FileHandle,
  entries: Map<string, ZipEntry>,
  index: number,
): Promise<string> {
  const entry = entries.get('xl/sharedStrings.xml');
  if (!entry || entry.uncompressedSize > MAX_SHARED_STRINGS_BYTES)
    throw new NeedsFullReader('shared strings missing or large');
  const xml = (await readEntry(handle, entry)).toString('utf8');
  let at = 0;
  for (let i = 0; i <= index; i += 1) {
    at = xml.indexOf('<si>', at);
    if (at < 0) throw new NeedsFullReader('shared string out of range');
    at += 4;
  }
  const simple = /^<t(?: [^>]*)?>([^<]*)<\/t><\/si>/.exec(xml.slice(at, at + 1000));
  if (!simple?.[1] && simple?.[1] !== '') throw new NeedsFullReader('rich-text shared string');
  return unescapeXml(simple[1]);
}

/** Cell A of a row whose content is `text[from, to)`: its type attribute, value and inline text. */
function cellA(
  text: string,
  from: number,
  to: number,
  rowNumber: number,
): { type: string | null; value: string; inline: string | null } {
  const cellStart = text.indexOf('<c', from);
  if (cellStart < 0 || cellStart >= to) throw new NeedsFullReader(`row ${rowNumber} has no cell`);
  const tagEnd = text.indexOf('>', cellStart);
  if (attribute(text, 'r', cellStart, tagEnd) !== `A${rowNumber}`)
    throw new NeedsFullReader(`row ${rowNumber} has no cell in column A`);
  if (text.charCodeAt(tagEnd - 1) === 47) throw new NeedsFullReader(`cell A${rowNumber} is empty`);
  const type = attribute(text, 't', cellStart, tagEnd);
  const cellEnd = text.indexOf('</c>', tagEnd);
  const inner = text.slice(tagEnd + 1, cellEnd);
  if (inner.includes('<f')) throw new NeedsFullReader(`cell A${rowNumber} has a formula`);
  const v = /<v>([^<]*)<\/v>/.exec(inner);
  const inline = /<t(?: [^>]*)?>([^<]*)<\/t>/.exec(inner);
  return { type, value: v?.[1] ?? '', inline: inline?.[1] ?? null };
}

const ROW = Buffer.from('<row');
const ROW_END = Buffer.from('</row>');
const CELL = Buffer.from('<c r="A');
const VALUE = Buffer.from('<v>');
const VALUE_END = Buffer.from('</v>');
const NUMBER_TYPE = Buffer.from(' t="n">');
const QUOTE = 34;
const GT = 62;
const SLASH = 47;
const SPACE = 32;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** The whole number in `buf` from `at` to the byte `end` (exclusive), or NaN when it is not only digits. */
function digitsAt(buf: Buffer, at: number, end: number): number {
  if (end <= at) return Number.NaN;
  let value = 0;
  for (let i = at; i < end; i += 1) {
    const code = buf[i] as number;
    if (code < ZERO || code > NINE) return Number.NaN;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

/** A cell value: integers parsed from the bytes, anything else (decimals, exponents) through Number. */
function valueAt(buf: Buffer, at: number, end: number): number {
  const negative = buf[at] === MINUS;
  const whole = digitsAt(buf, negative ? at + 1 : at, end);
  if (!Number.isNaN(whole) && whole <= Number.MAX_SAFE_INTEGER) return negative ? -whole : whole;
  return end > at ? Number(buf.toString('latin1', at, end)) : Number.NaN;
}

/** Whether `buf` holds the bytes of `token` at `at`. */
function bytesAt(buf: Buffer, at: number, token: Buffer): boolean {
  for (let i = 0; i < token.length; i += 1) if (buf[at + i] !== token[i]) return false;
  return true;
}

/**
 * The value of cell A in the row `buf[from, to)` (up to its `</row>`), which
 * must be row `expected`: `<row r="N" …><c r="AN"[ t="n"]><v>number</v></c>`.
 * Anything else raises `NeedsFullReader`.
 */
function rowValue(buf: Buffer, from: number, to: number, expected: number): number {
  let i = from;
  while (i < to && buf[i] !== 60) i += 1; // '<'
  if (!bytesAt(buf, i, ROW) || (buf[i + 4] !== SPACE && buf[i + 4] !== GT))
    throw new NeedsFullReader(`row ${expected} is missing`);
  // The row tag: find r="N" before its '>'.
  let rowNumber = Number.NaN;
  for (i += 4; i < to && buf[i] !== GT; i += 1) {
    if (buf[i] === 114 && buf[i - 1] === SPACE && buf[i + 1] === 61 && buf[i + 2] === QUOTE) {
      const start = i + 3;
      let end = start;
      while (end < to && buf[end] !== QUOTE) end += 1;
      rowNumber = digitsAt(buf, start, end);
      i = end;
    }
  }
  if (rowNumber !== expected || buf[i - 1] === SLASH)
    throw new NeedsFullReader(`row ${expected} is missing, empty or out of order`);
  // The cell: <c r="A{N}"> or <c r="A{N}" t="n">.
  i += 1;
  if (!bytesAt(buf, i, CELL)) throw new NeedsFullReader(`row ${expected} has no cell in column A`);
  const refStart = i + CELL.length;
  let refEnd = refStart;
  while (refEnd < to && buf[refEnd] !== QUOTE) refEnd += 1;
  if (digitsAt(buf, refStart, refEnd) !== expected)
    throw new NeedsFullReader(`row ${expected} has no cell in column A`);
  let cellTagEnd = refEnd + 1;
  while (cellTagEnd < to && buf[cellTagEnd] !== GT) cellTagEnd += 1;
  if (cellTagEnd !== refEnd + 1 && !bytesAt(buf, refEnd + 1, NUMBER_TYPE))
    throw new NeedsFullReader(`cell A${expected} is not a plain number`);
  if (buf[cellTagEnd - 1] === SLASH || !bytesAt(buf, cellTagEnd + 1, VALUE))
    throw new NeedsFullReader(`cell A${expected} has no plain value`);
  const valueStart = cellTagEnd + 1 + VALUE.length;
  let valueEnd = valueStart;
  while (valueEnd < to && buf[valueEnd] !== 60) valueEnd += 1;
  if (!bytesAt(buf, valueEnd, VALUE_END))
    throw new NeedsFullReader(`cell A${expected} is not a plain number`);
  const value = valueAt(buf, valueStart, valueEnd);
  if (Number.isNaN(value)) throw new NeedsFullReader(`cell A${expected} is not a number`);
  return value;
}

/**
 * The state of one scan. Rows arrive in byte chunks; `feed` consumes what it
 * can and says where the unconsumed bytes start and whether the chunk's last
 * row was reached. The data phase works on the bytes themselves: native
 * `indexOf` to find tags, digits parsed by hand, no string per row.
 */
class ChunkScanner {
  readonly data: Float64Array;
  got = 0;
  firstRowAt = -1;
  private phase: 'header' | 'skip' | 'data' = 'header';
  private readonly firstRow: number;
  private readonly lastRow: number;
  private readonly needle: Buffer;

  constructor(
    skiprows: number,
    nrows: number,
    private readonly headerText: (cell: {
      type: string | null;
      value: string;
      inline: string | null;
    }) => Promise<string | null>,
    private readonly onProgress: (rowsRead: number) => void,
  ) {
    this.data = new Float64Array(nrows);
    this.firstRow = skiprows + 2;
    this.lastRow = skiprows + nrows + 1;
    this.needle = Buffer.from(`<row r="${this.firstRow}"`);
  }

  async feed(buf: Buffer): Promise<{ rest: number; complete: boolean }> {
    let pos = 0;
    if (this.phase === 'header') {
      const row = buf.indexOf(ROW);
      const tagEnd = row < 0 ? -1 : buf.indexOf(GT, row);
      const rowEnd = tagEnd < 0 ? -1 : buf.indexOf(ROW_END, tagEnd);
      if (rowEnd < 0)
        return { rest: row < 0 ? Math.max(0, buf.length - ROW.length) : row, complete: false };
      const text = buf.toString('latin1', row, rowEnd);
      const textTagEnd = tagEnd - row;
      if (attribute(text, 'r', 0, textTagEnd) !== '1')
        throw new NeedsFullReader('the sheet does not start with a header row');
      if ((await this.headerText(cellA(text, textTagEnd, text.length, 1))) !== DATASET_COLUMN)
        throw new NeedsFullReader('unexpected header');
      pos = rowEnd + ROW_END.length;
      if (this.firstRow > this.lastRow) return { rest: pos, complete: true };
      this.phase = 'skip';
    }
    if (this.phase === 'skip') {
      // Jump to the chunk's first row: one native search per block of bytes, no row parsed.
      for (;;) {
        const at = buf.indexOf(this.needle, pos);
        if (at < 0)
          return { rest: Math.max(pos, buf.length - this.needle.length), complete: false };
        const after = buf[at + this.needle.length];
        if (after === undefined) return { rest: at, complete: false };
        if (after === SPACE || after === GT) {
          pos = at;
          this.phase = 'data';
          break;
        }
        pos = at + this.needle.length;
      }
    }
    for (;;) {
      // One native search per row; the row's few bytes are then read in JavaScript.
      const rowEnd = buf.indexOf(ROW_END, pos);
      if (rowEnd < 0) return { rest: pos, complete: false };
      const expected = this.firstRow + this.got;
      const value = rowValue(buf, pos, rowEnd, expected);
      this.data[this.got] = value;
      this.got += 1;
      if (this.got === 1) this.firstRowAt = performance.now();
      if (this.got % PROGRESS_EVERY === 0) this.onProgress(this.got);
      pos = rowEnd + ROW_END.length;
      if (expected === this.lastRow) return { rest: pos, complete: true };
    }
  }
}

/** Reads data rows `skiprows … skiprows+nrows-1` of the first sheet's `my_data` column. */
export async function scanChunk(path: string, options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const handle = await open(path, 'r');
  let streams: Awaited<ReturnType<typeof openEntryStream>> | null = null;
  try {
    const entries = await listEntries(handle);
    const sheet = entries.get(await firstSheetPath(handle, entries));
    if (!sheet) throw new NeedsFullReader('the first sheet is missing');
    const headerText = async (cell: {
      type: string | null;
      value: string;
      inline: string | null;
    }): Promise<string | null> => {
      if (cell.type === 's') return sharedString(handle, entries, Number(cell.value));
      if (cell.type === 'inlineStr') return unescapeXml(cell.inline ?? '');
      if (cell.type === 'str') return unescapeXml(cell.value);
      return null;
    };
    const scanner = new ChunkScanner(
      options.skiprows,
      options.nrows,
      headerText,
      options.onProgress,
    );
    streams = await openEntryStream(path, handle, sheet);
    let pending: Buffer | null = null;
    let complete = false;
    for await (const chunk of streams.content as AsyncIterable<Buffer>) {
      const buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      const step = await scanner.feed(buf);
      complete = step.complete;
      if (complete) break;
      // Keep only the unfinished row (a copy, so the block itself can be freed).
      pending = Buffer.from(buf.subarray(step.rest));
    }
    if (!complete) throw new NeedsFullReader('the sheet has fewer rows than the task needs');
    options.onProgress(scanner.got);
    return {
      data: scanner.data,
      firstRowMs: scanner.firstRowAt < 0 ? 0 : scanner.firstRowAt - started,
    };
  } finally {
    streams?.content.destroy();
    streams?.file.destroy();
    await handle.close();
  }
}
