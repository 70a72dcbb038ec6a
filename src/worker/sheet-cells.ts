/**
 * The rules of my_database.xlsx's rows and cells, shared by the byte scanner
 * and the XML parser so that both readers give the same numbers and the same
 * errors: which row a `<row>` is, what a cell of `my_data` holds, and when
 * that is not a number a student can sum.
 */
import {
  excelMessage,
  excerpt,
  type ExcelMessageKey,
  type ExcelParams,
} from '../shared/excel-messages';
import { DATASET_COLUMN } from '../shared/lessons';

/** Excel's last row. */
export const MAX_SHEET_ROW = 1_048_576;

/** A problem with the sheet's content, at a row when one is known. */
export class SheetProblem extends Error {
  override name = 'SheetProblem';
  constructor(
    readonly row: number | null,
    readonly key: ExcelMessageKey,
    readonly params: ExcelParams = {},
    /** For a text cell stored as a shared string: its index, so the reader can quote the text. */
    readonly sharedString: number | null = null,
  ) {
    const problem = excelMessage(key, params);
    super(row === null ? problem : `row ${row}: ${problem}`);
  }
}

/** Numbers rows as OOXML does: a row without `r` follows the previous one. */
export class RowNumbers {
  constructor(
    /** The sheet row before the first one this reader will see. */
    public last = 0,
  ) {}

  /** The number of the next `<row>`, whose `r` attribute is `r` (null when absent; a number when already parsed). */
  next(r: string | number | null): number {
    if (r === null) {
      this.last += 1;
      return this.last;
    }
    const row = typeof r === 'number' ? r : /^\d{1,7}$/.test(r) ? Number(r) : Number.NaN;
    if (!(row >= 1 && row <= MAX_SHEET_ROW))
      throw new SheetProblem(null, 'row-number', {
        given: String(r).slice(0, 20),
        max: MAX_SHEET_ROW,
      });
    if (row === this.last) throw new SheetProblem(row, 'duplicate-row');
    if (row < this.last) throw new SheetProblem(row, 'row-out-of-order', { previous: this.last });
    if (row > this.last + 1) throw this.gap(row);
    this.last = row;
    return row;
  }

  private gap(row: number): SheetProblem {
    const first = this.last + 1;
    if (this.last === 0)
      return new SheetProblem(1, 'header-row-missing', { row, column: DATASET_COLUMN });
    return first === row - 1
      ? new SheetProblem(first, 'row-missing', { previous: this.last, next: row })
      : new SheetProblem(first, 'rows-missing', {
          first,
          last: row - 1,
          previous: this.last,
          next: row,
        });
  }
}

/** The column letters of a cell reference (`A12` → `A`), or null when it is not one. */
export function columnOf(reference: string, row: number): string {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(reference);
  if (!match) throw new SheetProblem(row, 'bad-reference', { reference: reference.slice(0, 20) });
  if (Number(match[2]) !== row)
    throw new SheetProblem(row, 'cell-in-wrong-row', { reference, row });
  return match[1] as string;
}

/** A cell of column A as either reader found it. */
export interface CellData {
  row: number;
  /** The `t` attribute: null or `n` for a number. */
  type: string | null;
  /** The `s` attribute (a style index), 0 when absent. */
  style: number;
  /** The text of `<v>`, null when there is none. */
  value: string | null;
  /** Whether the cell has an `<f>` formula. */
  formula: boolean;
  /** The text of an inline string (`<is>`), null when there is none. */
  inlineText: string | null;
}

/** What the rules need to know about the workbook. */
export interface CellContext {
  /** Style indexes whose number format shows a date or a time. */
  dateStyles: ReadonlySet<number>;
}

const XSD_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const column = DATASET_COLUMN;

/**
 * A number as xsd:double writes it in decimal (`12`, `-0.5`, `1.5E3`), the
 * only form a spreadsheet stores; anything else (`0x10`, `INF`, `NaN`,
 * `1e999`) is an error naming the row.
 */
export function parseDecimal(text: string, row: number): number {
  const trimmed = text.replace(XML_SPACE, '');
  if (XSD_DECIMAL.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
    throw new SheetProblem(row, 'number-too-large', { column, value: excerpt(trimmed) });
  }
  if (/^[+-]?INF$/.test(trimmed))
    throw new SheetProblem(row, 'number-infinite', { column, value: trimmed });
  if (trimmed === 'NaN') throw new SheetProblem(row, 'number-nan', { column });
  if (trimmed === '') throw new SheetProblem(row, 'cell-empty', { column });
  throw new SheetProblem(row, 'not-decimal', { column, value: excerpt(trimmed) });
}

/** The number a `my_data` cell holds, or the error that says why it holds none. */
export function cellNumber(cell: CellData, context: CellContext): number {
  const { row, type, value } = cell;
  switch (type) {
    case null:
    case 'n': {
      if (value === null || value.replace(XML_SPACE, '') === '')
        throw new SheetProblem(row, cell.formula ? 'formula-no-value' : 'cell-empty', { column });
      const number = parseDecimal(value, row);
      if (context.dateStyles.has(cell.style)) throw new SheetProblem(row, 'date-cell');
      return number;
    }
    case 's': {
      const index = /^\d+$/.test(value ?? '') ? Number(value) : -1;
      throw new SheetProblem(
        row,
        'text-cell-unknown',
        { column, index },
        index >= 0 ? index : null,
      );
    }
    case 'inlineStr':
      throw new SheetProblem(row, 'text-cell', { column, text: excerpt(cell.inlineText ?? '') });
    case 'str':
      throw new SheetProblem(row, 'formula-text', { column, text: excerpt(value ?? '') });
    case 'b':
      throw new SheetProblem(row, 'boolean-cell', {
        column,
        value: value === '1' ? 'TRUE' : 'FALSE',
      });
    case 'e':
      throw new SheetProblem(row, 'error-cell', { column, value: excerpt(value ?? '') });
    case 'd':
      throw new SheetProblem(row, 'date-value', { column, value: excerpt(value ?? '') });
    default:
      throw new SheetProblem(row, 'unknown-type', { type: excerpt(type) });
  }
}

/** The text of the header cell A1 (null when it is not text), to compare with `my_data`. */
export function headerText(cell: CellData | null): {
  text: string | null;
  sharedString: number | null;
} {
  if (!cell) return { text: null, sharedString: null };
  if (cell.type === 's' && /^\d+$/.test(cell.value ?? ''))
    return { text: null, sharedString: Number(cell.value) };
  if (cell.type === 'inlineStr') return { text: cell.inlineText ?? '', sharedString: null };
  if (cell.type === 'str') return { text: cell.value ?? '', sharedString: null };
  return { text: null, sharedString: null };
}

/** The error for a header that is not `my_data`. */
export function headerProblem(found: string | null): SheetProblem {
  return found === null
    ? new SheetProblem(1, 'header-no-text', { column })
    : new SheetProblem(1, 'header-wrong', { column, found: excerpt(found) });
}

const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a number format shows a date or a time, as openpyxl decides it:
 * the built-in date formats, or a format code with d, m, y, h or s outside
 * quoted text, escapes and bracketed sections other than elapsed time.
 */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return DATE_FORMAT_IDS.has(numFmtId);
  const stripped = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]/gi, '')
    .split(';')[0] as string;
  return /[dmyhs]/i.test(stripped) && !/^general$/i.test(stripped.trim());
}
