/**
 * Workbooks for the reader's tests, written by hand as XML and zipped by
 * zip-builder: each case of a hand-edited or hostile my_database.xlsx is a
 * few lines here, independent of the lab's own writer.
 */
import { buildZip, type ZipEntrySpec, type ZipOptions } from './zip-builder';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** `<row r="N"><c r="AN"><v>value</v></c></row>` for data rows 0 … n-1 (sheet rows 2 …). */
export function dataRows(values: readonly (number | string)[], first = 2): string {
  return values
    .map((v, i) => `<row r="${first + i}"><c r="A${first + i}"><v>${v}</v></c></row>`)
    .join('');
}

/** The header row as a shared string (index 0 of `sharedStrings`). */
export const HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';

/** 0 … n-1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** A worksheet part around `rows` (the content of `<sheetData>`). */
export function sheetXml(rows: string, namespace = NS_MAIN): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${namespace}"><sheetData>${rows}</sheetData></worksheet>`;
}

export interface SheetSpec {
  name: string;
  /** The whole worksheet part (see sheetXml), or null to leave the part out of the zip. */
  xml: string | Buffer | null;
  /** The part's name, by default xl/worksheets/sheet<i+1>.xml. */
  part?: string;
  /** Overrides for the sheet's zip entry (compression, lies). */
  entry?: Partial<ZipEntrySpec>;
}

export interface WorkbookSpec {
  /** Sheets in workbook.xml order. */
  sheets: SheetSpec[];
  sharedStrings?: string[];
  /** The whole styles part, when the test needs one. */
  styles?: string;
  /** Put the sheets' entries before the workbook parts in the zip (as exceljs's writer does). */
  sheetsFirst?: boolean;
  /** Reverse the sheets' zip order (so the zip's first sheet is not workbook.xml's first). */
  reverseSheetEntries?: boolean;
  /** Extra entries, and overrides of the standard ones by name. */
  extra?: ZipEntrySpec[];
  zip?: ZipOptions;
}

/** A complete .xlsx as bytes. */
export function buildXlsx(spec: WorkbookSpec): Buffer {
  const sheets = spec.sheets.map((sheet, i) => ({
    ...sheet,
    part: sheet.part ?? `xl/worksheets/sheet${i + 1}.xml`,
    id: `rId${i + 10}`,
  }));
  const shared = spec.sharedStrings ?? ['my_data'];
  const workbook: ZipEntrySpec[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="${s.id}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${NS_PKG}">${sheets
        .map(
          (s) =>
            `<Relationship Id="${s.id}" Type="${NS_REL}/worksheet" Target="${s.part.replace(/^xl\//, '')}"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId2" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>${
        spec.styles ? `<Relationship Id="rId3" Type="${NS_REL}/styles" Target="styles.xml"/>` : ''
      }</Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0"?><sst xmlns="${NS_MAIN}">${shared.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    },
    ...(spec.styles ? [{ name: 'xl/styles.xml', data: spec.styles }] : []),
  ];
  let sheetEntries: ZipEntrySpec[] = sheets
    .filter((s) => s.xml !== null)
    .map((s) => ({ name: s.part, data: s.xml as string | Buffer, ...s.entry }));
  if (spec.reverseSheetEntries) sheetEntries = [...sheetEntries].reverse();
  const overrides = new Map((spec.extra ?? []).map((e) => [e.name, e]));
  const standard = workbook.map((e) => overrides.get(e.name) ?? e);
  const added = (spec.extra ?? []).filter((e) => !workbook.some((w) => w.name === e.name));
  const entries = spec.sheetsFirst
    ? [...sheetEntries, ...standard, ...added]
    : [...standard, ...sheetEntries, ...added];
  return buildZip(entries, spec.zip);
}

/** The usual test workbook: one sheet with the header and `values` as data rows. */
export function simpleXlsx(
  values: readonly (number | string)[],
  extra: Partial<WorkbookSpec> = {},
): Buffer {
  return buildXlsx({
    sheets: [{ name: 'Sheet1', xml: sheetXml(HEADER_ROW + dataRows(values)) }],
    ...extra,
  });
}

/** A styles part whose cell format 1 shows numFmt `numFmtId` (with `formatCode` for a custom one). */
export function stylesXml(numFmtId: number, formatCode?: string): string {
  const custom = formatCode
    ? `<numFmts count="1"><numFmt numFmtId="${numFmtId}" formatCode="${formatCode.replace(/"/g, '&quot;')}"/></numFmts>`
    : '';
  return `<?xml version="1.0"?><styleSheet xmlns="${NS_MAIN}">${custom}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`;
}
