/**
 * Writes my_database.xlsx the way the tutorial's `to_excel` does (one sheet,
 * a `my_data` header, one number per row), with exceljs's streaming writer so
 * that a million rows take a few hundred MiB, not gigabytes.
 *
 * exceljs's writer puts the sheet before the workbook parts in the zip, which
 * makes its streaming reader copy the whole sheet to a temporary file before
 * reading a row. This writer appends the three parts the reader needs first
 * (shared strings, workbook relationships, workbook) before the sheet, so
 * workers parse their rows straight from the zip and can stop after their
 * chunk. The file is written under a temporary name and renamed when complete,
 * so a reader never sees half a workbook.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import type * as ExcelJsNamespace from 'exceljs';
import { DATASET_COLUMN } from '../../shared/experiments';

const SHEET_NAME = 'Sheet1';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The workbook parts, as exceljs would write them for one sheet with one shared string. */
const LEADING_PARTS: ReadonlyArray<{ name: string; xml: string }> = [
  {
    name: 'xl/sharedStrings.xml',
    xml: `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="1" uniqueCount="1"><si><t>${DATASET_COLUMN}</t></si></sst>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    xml:
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_REL}/theme" Target="theme/theme1.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId4" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `</Relationships>`,
  },
  {
    name: 'xl/workbook.xml',
    xml:
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>` +
      `<sheets><sheet name="${SHEET_NAME}" sheetId="1" r:id="rId4"/></sheets><calcPr calcId="171027"/></workbook>`,
  },
];

/** The parts of exceljs's WorkbookWriter this module relies on (not in its public types). */
interface WorkbookWriterInternals {
  zip: { append(source: string, data: { name: string }): void };
  addSharedStrings(): Promise<void>;
  addWorkbookRels(): Promise<void>;
  addWorkbook(): Promise<void>;
}

/** The part of exceljs's WorksheetWriter this module writes rows to (not in its public types). */
interface WorksheetWriterInternals {
  stream: { write(data: Buffer): unknown };
}

/** Rows between progress reports and pauses that let the zip stream drain. */
const ROWS_PER_STEP = 32_768;

/**
 * Data rows `start … end-1` as sheet XML: `<row r="2"><c r="A2"><v>0</v></c></row>`
 * (sheet row = data row + 2, after the header), the cell form exceljs writes
 * for a number, without its per-row layout attributes.
 */
export function rowsXml(data: Float64Array, start: number, end: number): string {
  const parts = new Array<string>(end - start);
  for (let i = start; i < end; i += 1) {
    const row = i + 2;
    parts[i - start] = `<row r="${row}"><c r="A${row}"><v>${data[i]}</v></c></row>`;
  }
  return parts.join('');
}

export interface WriteProgress {
  rowsWritten: number;
  totalRows: number;
}

/**
 * Writes `data` as the `my_data` column of a new workbook at `path`.
 * `onProgress` is called every few thousand rows and at the end.
 */
export async function writeDatabase(
  path: string,
  data: Float64Array,
  onProgress?: (progress: WriteProgress) => void,
): Promise<void> {
  const ExcelJSModule = (await import('exceljs')) as typeof ExcelJsNamespace & {
    default?: typeof ExcelJsNamespace;
  };
  const ExcelJS = ExcelJSModule.default ?? ExcelJSModule;
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temporary,
      useSharedStrings: true,
      useStyles: false,
      // Fast compression: a column of integers compresses well at any level.
      zip: { zlib: { level: 1 } },
    });
    const internals = workbook as unknown as WorkbookWriterInternals;
    for (const part of LEADING_PARTS) internals.zip.append(part.xml, { name: part.name });
    internals.addSharedStrings =
      internals.addWorkbookRels =
      internals.addWorkbook =
        () => Promise.resolve();

    const sheet = workbook.addWorksheet(SHEET_NAME);
    // The header goes through exceljs (it opens <sheetData> and registers the shared string).
    sheet.addRow([DATASET_COLUMN]).commit();
    // The data rows are written as XML straight into the sheet's stream: exceljs's
    // row objects cost about 5 µs a row, the XML below a tenth of that.
    const stream = (sheet as unknown as WorksheetWriterInternals).stream;
    const totalRows = data.length;
    for (let start = 0; start < totalRows; start += ROWS_PER_STEP) {
      const end = Math.min(start + ROWS_PER_STEP, totalRows);
      stream.write(Buffer.from(rowsXml(data, start, end), 'latin1'));
      onProgress?.({ rowsWritten: end, totalRows });
      // Let the zip stream compress what was written before writing more.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await workbook.commit();
    await rename(temporary, path);
    onProgress?.({ rowsWritten: totalRows, totalRows });
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
