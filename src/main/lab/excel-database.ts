/**
 * Writes my_database.xlsx the way the tutorial's `to_excel` does (one sheet,
 * a `my_data` header, one number per row), as a standard xlsx that Excel,
 * LibreOffice, openpyxl and exceljs open, with two things of the lab's own:
 *
 * - the sheet's deflate stream is cut by a full flush every
 *   ROWS_PER_FLUSH_BLOCK rows, and a small custom part (the row index)
 *   records where each block starts and its CRC-32, so that a worker starts
 *   inflating at the block before its first row and verifies what it reads;
 * - the workbook parts come before the sheet in the zip, so that streaming
 *   readers meet them first.
 *
 * Blocks are compressed on libuv's thread pool while the next block's XML is
 * built. The file is written under a temporary name and renamed when
 * complete, so a reader never sees half a workbook; temporary files left by
 * a killed run are removed by the next write.
 */
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ExcelError } from '../../shared/excel-error';
import type { ExcelMessageKey } from '../../shared/excel-messages';
import { DATASET_COLUMN } from '../../shared/lessons';
import {
  ROW_INDEX_CONTENT_TYPE,
  ROW_INDEX_NAMESPACE,
  ROW_INDEX_PART,
  ROW_INDEX_RELATIONSHIP,
  ROWS_PER_FLUSH_BLOCK,
} from '../../shared/workbook-format';
import { ZipWriter, type StreamedEntry } from './zip-writer';

const SHEET_PART = 'xl/worksheets/sheet1.xml';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A column of integers compresses well at any level; level 1 is the fastest. */
const SHEET_LEVEL = 1;

/** The package parts before the sheet, in zip order. */
const LEADING_PARTS: ReadonlyArray<{ name: string; xml: string }> = [
  {
    name: '[Content_Types].xml',
    xml:
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/${SHEET_PART}" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
      `<Override PartName="/${ROW_INDEX_PART}" ContentType="${ROW_INDEX_CONTENT_TYPE}"/>` +
      `</Types>`,
  },
  {
    name: '_rels/.rels',
    xml:
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${ROW_INDEX_RELATIONSHIP}" Target="${ROW_INDEX_PART}"/>` +
      `</Relationships>`,
  },
  {
    name: 'xl/workbook.xml',
    xml:
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    xml:
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `</Relationships>`,
  },
  {
    name: 'xl/styles.xml',
    xml:
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`,
  },
  {
    name: 'xl/sharedStrings.xml',
    xml: `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="1" uniqueCount="1"><si><t>${DATASET_COLUMN}</t></si></sst>`,
  },
];

/**
 * Data rows `start … end-1` as sheet XML: `<row r="2"><c r="A2"><v>0</v></c></row>`
 * (sheet row = data row + 2, after the header).
 */
export function rowsXml(data: Float64Array, start: number, end: number): string {
  const parts = new Array<string>(end - start);
  for (let i = start; i < end; i += 1) {
    const row = i + 2;
    parts[i - start] = `<row r="${row}"><c r="A${row}"><v>${data[i]}</v></c></row>`;
  }
  return parts.join('');
}

function sheetHead(rows: number): string {
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:A${rows + 1}"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`
  );
}

const SHEET_TAIL = '</sheetData></worksheet>';

/** The row index: where each block of the sheet starts, checked against the sheet's entry by readers. */
function rowIndexXml(sheet: StreamedEntry): string {
  const totals = sheet.totals();
  const blocks = sheet.blocks
    .map(
      (block, i) =>
        `<block row="${i === 0 ? 1 : 2 + (i - 1) * ROWS_PER_FLUSH_BLOCK}" compressedOffset="${block.compressedOffset}" uncompressedOffset="${block.uncompressedOffset}" crc32="${block.crc >>> 0}"/>`,
    )
    .join('');
  return (
    `${XML_HEAD}<rowIndex xmlns="${ROW_INDEX_NAMESPACE}" sheet="${SHEET_PART}" rowsPerBlock="${ROWS_PER_FLUSH_BLOCK}" ` +
    `compressedSize="${totals.compressedSize}" uncompressedSize="${totals.uncompressedSize}" crc32="${totals.crc >>> 0}">` +
    `${blocks}</rowIndex>`
  );
}

export interface WriteProgress {
  rowsWritten: number;
  totalRows: number;
}

/** The writer's temporary files: `my_database.xlsx.<pid>-<8 hex>.tmp`. */
const temporaryName = (file: string): RegExp =>
  new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)-[0-9a-f]{8}\\.tmp$`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of writes whose process is gone (a run killed while writing). */
export async function removeAbandonedWrites(path: string): Promise<string[]> {
  const pattern = temporaryName(basename(path));
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    await rm(join(dirname(path), name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** A write error that names the file and says what to do. */
function writeProblem(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const keys: Record<string, ExcelMessageKey> = {
    ENOSPC: 'write-disk-full',
    EDQUOT: 'write-quota',
    EACCES: 'write-denied',
    EPERM: 'write-denied',
    EROFS: 'write-read-only',
    ENOENT: 'write-no-folder',
    ENOTDIR: 'write-not-folder',
    EIO: 'write-io',
  };
  const key = code ? keys[code] : undefined;
  return key ? new ExcelError(path, null, key, { code: code ?? '' }) : error;
}

/** Writes the sheet as a header block, then one block per ROWS_PER_FLUSH_BLOCK data rows. */
async function writeSheet(
  entry: StreamedEntry,
  data: Float64Array,
  onProgress?: (progress: WriteProgress) => void,
): Promise<void> {
  const totalRows = data.length;
  await entry.writeBlock(Buffer.from(sheetHead(totalRows), 'utf8'));
  for (let start = 0; start < totalRows; start += ROWS_PER_FLUSH_BLOCK) {
    const end = Math.min(start + ROWS_PER_FLUSH_BLOCK, totalRows);
    const last = end === totalRows;
    const xml = rowsXml(data, start, end) + (last ? SHEET_TAIL : '');
    await entry.writeBlock(Buffer.from(xml, 'latin1'), last);
    onProgress?.({ rowsWritten: end, totalRows });
  }
}

/**
 * Writes `data` as the `my_data` column of a new workbook at `path`.
 * `onProgress` is called after every block and may throw to stop the write
 * (the temporary file is then removed).
 */
export async function writeDatabase(
  path: string,
  data: Float64Array,
  onProgress?: (progress: WriteProgress) => void,
): Promise<void> {
  if (data.length === 0) throw new RangeError('my_database.xlsx needs at least one data row');
  await removeAbandonedWrites(path);
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(temporary, 'wx');
    const zip = new ZipWriter(handle);
    for (const part of LEADING_PARTS) await zip.addEntry(part.name, part.xml);
    const sheet = await zip.addStreamed(SHEET_PART, SHEET_LEVEL, (entry) =>
      writeSheet(entry, data, onProgress),
    );
    await zip.addEntry(ROW_INDEX_PART, rowIndexXml(sheet));
    await zip.finish();
    await handle.close();
    handle = null;
    await rename(temporary, path);
    onProgress?.({ rowsWritten: data.length, totalRows: data.length });
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw writeProblem(path, error);
  }
}
