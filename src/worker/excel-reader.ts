/**
 * Reads one chunk of `my_data` rows from my_database.xlsx with exceljs's
 * streaming reader, keeping only the chunk's rows and stopping right after
 * its last one. exceljs is loaded on first use, so workers of the other
 * lessons never pay for it.
 *
 * The reader parses the sheet as it streams only when the workbook parts come
 * before the sheet in the zip (the lab's writer puts them there); otherwise
 * exceljs copies the sheet to a temporary file first. Stopping early leaves
 * the streams (and that copy) open, so they are released here in every case.
 */
import { ReadStream, createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type * as ExcelJsNamespace from 'exceljs';
import type { Row } from 'exceljs';
import { DATASET_COLUMN } from '../shared/experiments';
import { ExcelError } from '../shared/excel-error';
import { scanChunk } from './sheet-scanner';
import { UnsupportedZipError } from './zip-entries';

type ExcelJsModule = typeof ExcelJsNamespace;
let excelJs: ExcelJsModule | undefined;

/** Loads exceljs (once per worker). */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  if (!excelJs) {
    const loaded = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
    excelJs = loaded.default ?? loaded;
  }
  return excelJs;
}

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

const PROGRESS_EVERY = 16_384;

function describeCell(value: unknown): string {
  if (value === null || value === undefined) return 'an empty cell';
  if (typeof value === 'string')
    return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (typeof value === 'object')
    return `a ${Object.keys(value as object).join('/') || 'complex'} value (formula, rich text or error)`;
  return `the value ${String(value)}`;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** The parts of exceljs's WorksheetReader this module relies on (not in its public types). */
interface WorksheetReaderInternals {
  /** What the sheet is parsed from: the zip entry, or a ReadStream of a temporary copy of the sheet. */
  iterator?: { destroy?: () => void; path?: string | Buffer };
}

/**
 * Releases what exceljs keeps when a read stops early: the workbook's file
 * stream, and, for a workbook whose sheet precedes the workbook parts, the
 * stream of the temporary copy of the sheet and the copy itself. (A read of
 * such a copy is only stopped early when the run is cancelled; then exceljs's
 * descriptor of the copy stays open until the worker exits: it gives no handle
 * on it.)
 */
async function releaseReader(
  input: ReadStream,
  worksheet: WorksheetReaderInternals | null,
): Promise<void> {
  input.destroy();
  const source = worksheet?.iterator;
  if (source instanceof ReadStream) {
    source.destroy();
    if (typeof source.path === 'string') await rm(source.path, { force: true });
  }
}

/** How a chunk was read, for the report and the benchmark. */
export interface ReadStats {
  /** `scanner` (the fast path) or `exceljs` (any other workbook, and every error). */
  reader: 'scanner' | 'exceljs';
  /** From the start of the read to the chunk's first row. */
  firstRowMs: number;
  totalMs: number;
}

function fileProblem(file: string, path: string, error: unknown): ExcelError | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new ExcelError(file, null, `the file does not exist (looked for ${path})`);
  if (code === 'EACCES')
    return new ExcelError(file, null, `the file cannot be read (permission denied: ${path})`);
  if (code === 'EISDIR')
    return new ExcelError(file, null, `this is a folder, not a workbook (${path})`);
  return null;
}

/**
 * Reads data rows `skiprows … skiprows+nrows-1` of the first sheet's
 * `my_data` column: with the scanner when the workbook has the plain layout,
 * with exceljs's streaming reader otherwise (which also names any problem).
 */
export async function readExcelChunk(
  file: string,
  options: ChunkReadOptions,
): Promise<{ chunk: ExcelChunk; stats: ReadStats }> {
  const { skiprows, nrows } = options;
  if (!Number.isInteger(skiprows) || skiprows < 0 || !Number.isInteger(nrows) || nrows < 0) {
    throw new RangeError(
      `read_excel needs whole numbers skiprows ≥ 0 and nrows ≥ 0, got ${skiprows} and ${nrows}`,
    );
  }
  const path = resolve(file);
  const started = performance.now();
  const onProgress = (rowsRead: number): void => {
    options.onProgress?.(rowsRead);
    if (options.isCancelled?.()) throw new CancelledError('the run was cancelled');
  };
  let result: { data: Float64Array; firstRowMs: number };
  let reader: ReadStats['reader'] = 'scanner';
  try {
    result = await scanChunk(path, { skiprows, nrows, onProgress });
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    const problem = fileProblem(file, path, error);
    if (problem) throw problem;
    if (error instanceof UnsupportedZipError && error.notAZip) {
      throw new ExcelError(
        file,
        null,
        'not a readable .xlsx workbook (the file is not a zip archive)',
      );
    }
    reader = 'exceljs';
    result = await readWithExcelJs(file, path, { ...options, onProgress });
  }
  const chunk: ExcelChunk = { columns: [DATASET_COLUMN], shape: [nrows, 1], my_data: result.data };
  return {
    chunk,
    stats: { reader, firstRowMs: result.firstRowMs, totalMs: performance.now() - started },
  };
}

/** The full reader: exceljs's streaming WorkbookReader. */
async function readWithExcelJs(
  file: string,
  path: string,
  options: ChunkReadOptions,
): Promise<{ data: Float64Array; firstRowMs: number }> {
  const { skiprows, nrows } = options;
  const started = performance.now();
  let firstRowMs = 0;
  const ExcelJS = await loadExcelJs();
  const data = new Float64Array(nrows);
  // Sheet row 1 is the header; data row i is sheet row i + 2.
  const firstRow = skiprows + 2;
  const lastRow = skiprows + nrows + 1;
  // The lab opens the file itself: exceljs does not pass on the errors of a stream it opens.
  const input = createReadStream(path);
  const inputFailed = new Promise<never>((_, reject) => input.once('error', reject));
  inputFailed.catch(() => undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let got = 0;
  let sawHeader = false;
  let sheets = 0;
  let current: WorksheetReaderInternals | null = null;

  const readFirstSheet = async (
    worksheet: AsyncIterable<Row>,
    fromTemporaryCopy: boolean,
  ): Promise<ExcelError | null> => {
    // From a temporary copy, a problem is returned and raised only once the
    // whole workbook was read (see readRows); from the zip, it is raised at once.
    let problem: ExcelError | null = null;
    const raise = (error: ExcelError): void => {
      if (!fromTemporaryCopy) throw error;
      problem ??= error;
    };
    for await (const row of worksheet) {
      if (problem) continue;
      const rowNumber = row.number;
      if (rowNumber === 1) {
        const header = row.getCell(1).value;
        if (header !== DATASET_COLUMN) {
          raise(
            new ExcelError(
              file,
              1,
              `the header of column A should be "${DATASET_COLUMN}" but is ${describeCell(header)}`,
            ),
          );
          continue;
        }
        sawHeader = true;
        continue;
      }
      if (rowNumber < firstRow) continue;
      if (rowNumber > lastRow) {
        if (fromTemporaryCopy) continue;
        break;
      }
      const value = row.getCell(1).value;
      if (typeof value !== 'number') {
        raise(
          new ExcelError(
            file,
            rowNumber,
            `"${DATASET_COLUMN}" must hold a number, but the cell holds ${describeCell(value)}`,
          ),
        );
        continue;
      }
      data[rowNumber - firstRow] = value;
      if (got === 0) firstRowMs = performance.now() - started;
      got += 1;
      if (got % PROGRESS_EVERY === 0) options.onProgress?.(got);
      if (rowNumber === lastRow && !fromTemporaryCopy) break;
    }
    return problem;
  };

  let deferred: ExcelError | null = null;
  const readRows = async (): Promise<void> => {
    for await (const worksheet of reader) {
      sheets += 1;
      const internals = worksheet as unknown as WorksheetReaderInternals;
      // A sheet read from exceljs's temporary copy must be read to its end, and
      // the workbook too: only then does exceljs close the copy and delete it.
      const fromTemporaryCopy = internals.iterator instanceof ReadStream;
      if (sheets === 1) {
        current = internals;
        deferred = await readFirstSheet(worksheet, fromTemporaryCopy);
      } else if (fromTemporaryCopy) {
        for await (const _row of worksheet) {
          // Drained, not used: the tutorial's data is on the first sheet.
        }
      }
      if (!fromTemporaryCopy) break;
    }
    if (deferred) throw deferred;
  };

  try {
    await Promise.race([readRows(), inputFailed]);
  } catch (error) {
    if (error instanceof ExcelError || error instanceof CancelledError) throw error;
    throw (
      fileProblem(file, path, error) ??
      new ExcelError(file, null, `not a readable .xlsx workbook (${(error as Error).message})`)
    );
  } finally {
    await releaseReader(input, current);
  }
  if (sheets === 0) throw new ExcelError(file, null, 'the workbook has no worksheet');
  if (!sawHeader && nrows > 0)
    throw new ExcelError(file, 1, `the header row with "${DATASET_COLUMN}" is missing`);
  if (got !== nrows) {
    throw new ExcelError(
      file,
      null,
      `the task needs data rows ${skiprows} to ${skiprows + nrows - 1} but the sheet ends after ${skiprows + got} data rows`,
    );
  }
  options.onProgress?.(got);
  return { data, firstRowMs };
}
