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

/** Rows between progress reports and pauses that let the zip stream drain. */
const ROWS_PER_STEP = 32_768;

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
    });
    const internals = workbook as unknown as WorkbookWriterInternals;
    for (const part of LEADING_PARTS) internals.zip.append(part.xml, { name: part.name });
    internals.addSharedStrings =
      internals.addWorkbookRels =
      internals.addWorkbook =
        () => Promise.resolve();

    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.addRow([DATASET_COLUMN]).commit();
    const totalRows = data.length;
    for (let i = 0; i < totalRows; i += 1) {
      sheet.addRow([data[i]]).commit();
      if ((i + 1) % ROWS_PER_STEP === 0) {
        onProgress?.({ rowsWritten: i + 1, totalRows });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
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
