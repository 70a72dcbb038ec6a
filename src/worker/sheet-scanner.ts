/**
 * The hot loop of a partial read: a byte scanner over the sheet's XML that
 * finds `<row>` elements with native `indexOf`, skips the rows before the
 * chunk without building anything, and parses the chunk's cells straight
 * into a Float64Array. It applies the rules of sheet-cells.ts to every row it
 * reads, so its numbers and errors are the XML parser's.
 *
 * It reads the layouts spreadsheet programs write (attributes in any order
 * and quoting, rows and cells with or without `r`, styles, formulas with
 * cached values, inline strings, whitespace). For anything else in the rows
 * (namespace prefixes, comments, CDATA, entities in a value, unknown
 * elements) it raises `UnsupportedLayout`, and the reader hands the sheet to
 * the XML parser, which reads any well-formed sheet.
 *
 * Memory is bounded: an unfinished row is kept between blocks up to
 * `MAX_ROW_BYTES`, whitespace and the parts before `<sheetData>` are dropped
 * as they pass, so any input is scanned in linear time.
 */
import { DATASET_COLUMN } from '../shared/lessons';
import {
  RowNumbers,
  SheetProblem,
  cellNumber,
  columnOf,
  type CellContext,
  type CellData,
} from './sheet-cells';

/** The scanner does not read this layout; the XML parser will. */
export class UnsupportedLayout extends Error {
  override name = 'UnsupportedLayout';
}

/** The longest row kept while waiting for its end. */
export const MAX_ROW_BYTES = 1024 * 1024;

/** Chunk rows between progress reports (and cancel checks), for both readers. */
export const PROGRESS_EVERY = 16_384;
const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const AMP = 38;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

const SHEET_DATA = Buffer.from('<sheetData');
const SHEET_DATA_END = Buffer.from('</sheetData>');
const ROW = Buffer.from('<row');
const ROW_END = Buffer.from('</row>');
const CELL_END = Buffer.from('</c>');
const V_END = Buffer.from('</v>');
const F_END = Buffer.from('</f>');
const IS_END = Buffer.from('</is>');
const EXT = Buffer.from('extLst');
const EXT_END = Buffer.from('</extLst>');

const isSpace = (code: number | undefined): boolean =>
  code === 32 || code === 10 || code === 13 || code === 9;
/** The byte after a tag's name: whitespace, `>` or `/`. */
const endsName = (code: number | undefined): boolean =>
  code === GT || code === SLASH || isSpace(code);

function bytesAt(buf: Buffer, at: number, token: Buffer): boolean {
  for (let i = 0; i < token.length; i += 1) if (buf[at + i] !== token[i]) return false;
  return true;
}

/** Whether `buf[from, to)` holds `<` or `&` (markup or an entity the scanner does not decode). */
function hasMarkup(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (buf[i] === LT || buf[i] === AMP) return true;
  return false;
}

function skipSpace(buf: Buffer, at: number, end: number): number {
  while (at < end && isSpace(buf[at])) at += 1;
  return at;
}

/** The digits `buf[at, end)` as a number, or NaN when they are not only digits (at most 15). */
function digitsAt(buf: Buffer, at: number, end: number): number {
  if (end <= at || end - at > 15) return Number.NaN;
  let value = 0;
  for (let i = at; i < end; i += 1) {
    const code = buf[i] as number;
    if (code < ZERO || code > NINE) return Number.NaN;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

/**
 * The attributes of a tag `buf[from, to)` (after its name, before `>` or
 * `/>`): calls `found(nameStart, nameEnd, valueStart, valueEnd)` for each.
 */
function eachAttribute(
  buf: Buffer,
  from: number,
  to: number,
  found: (name: number, nameEnd: number, value: number, valueEnd: number) => void,
): void {
  let i = from;
  for (;;) {
    i = skipSpace(buf, i, to);
    if (i >= to) return;
    const name = i;
    while (i < to && buf[i] !== EQUALS && !isSpace(buf[i])) i += 1;
    const nameEnd = i;
    i = skipSpace(buf, i, to);
    if (buf[i] !== EQUALS) throw new UnsupportedLayout('an attribute without a value');
    i = skipSpace(buf, i + 1, to);
    const quote = buf[i];
    if (quote !== QUOTE && quote !== APOS) throw new UnsupportedLayout('an unquoted attribute');
    const value = i + 1;
    const valueEnd = buf.indexOf(quote, value);
    if (valueEnd < 0 || valueEnd >= to) throw new UnsupportedLayout('an unterminated attribute');
    if (hasMarkup(buf, value, valueEnd)) throw new UnsupportedLayout('an entity in an attribute');
    found(name, nameEnd, value, valueEnd);
    i = valueEnd + 1;
  }
}

/** Whether `buf[at, end)` is the one-byte name `c`. */
const isName = (buf: Buffer, at: number, end: number, c: number): boolean =>
  end - at === 1 && buf[at] === c;

/** A cell value: whole numbers parsed from the bytes, anything else by the xsd:double rule. */
function valueAt(
  buf: Buffer,
  at: number,
  end: number,
  cell: CellData,
  context: CellContext,
): number {
  const negative = buf[at] === MINUS;
  const whole = digitsAt(buf, negative ? at + 1 : at, end);
  if (
    !Number.isNaN(whole) &&
    (cell.type === null || cell.type === 'n') &&
    !context.dateStyles.has(cell.style)
  )
    return negative ? -whole : whole;
  cell.value = buf.toString('utf8', at, end);
  return cellNumber(cell, context);
}

const OTHER_FORM = -2;
const CELL_A = Buffer.from('<c r="A');
const PLAIN_VALUE = Buffer.from('"><v>');
const PLAIN_END = Buffer.from('</v></c></row>');

/**
 * Reads `<c r="A{row}"><v>[-]digits</v></c></row>` at `from`, where the
 * row's digits are `buf[digits, digitsEnd)`: returns the offset after
 * `</row>` and leaves the value in `out[0]`, or -1 when `buf` ends first, or
 * OTHER_FORM. Byte by byte, without a native call: this runs once per row.
 */
function plainCell(
  buf: Buffer,
  from: number,
  digits: number,
  digitsEnd: number,
  out: Float64Array,
): number {
  const length = buf.length;
  let i = from;
  if (i + CELL_A.length + (digitsEnd - digits) + PLAIN_VALUE.length > length) return -1;
  for (let k = 0; k < CELL_A.length; k += 1, i += 1) if (buf[i] !== CELL_A[k]) return OTHER_FORM;
  for (let d = digits; d < digitsEnd; d += 1, i += 1) if (buf[i] !== buf[d]) return OTHER_FORM;
  for (let k = 0; k < PLAIN_VALUE.length; k += 1, i += 1)
    if (buf[i] !== PLAIN_VALUE[k]) return OTHER_FORM;
  const negative = buf[i] === MINUS;
  if (negative) i += 1;
  const start = i;
  let value = 0;
  for (; i < length; i += 1) {
    const c = buf[i] as number;
    if (c < ZERO || c > NINE) break;
    value = value * 10 + (c - ZERO);
  }
  if (i + PLAIN_END.length > length) return -1;
  if (i === start || i - start > 15) return OTHER_FORM;
  for (let k = 0; k < PLAIN_END.length; k += 1, i += 1)
    if (buf[i] !== PLAIN_END[k]) return OTHER_FORM;
  out[0] = negative ? -value : value;
  return i;
}

/** Where the scan starts: the sheet's beginning, or a full-flush point at a row of the lab's index. */
export type ScanStart = { kind: 'sheet' } | { kind: 'row'; row: number };

export interface ScanTarget {
  /** Sheet rows of the chunk (data row i is sheet row i + 2). */
  firstRow: number;
  lastRow: number;
}

/**
 * One scan of the sheet. `feed` takes the bytes from where the previous call
 * stopped and returns how many it consumed; `done` says the chunk's last row
 * (or, for an empty chunk, the header) was read.
 */
export class SheetScanner {
  readonly data: Float64Array;
  got = 0;
  /** Cell A1 as found, for the reader to check against `my_data`. */
  header: CellData | null = null;
  /** `performance.now()` at the chunk's first row, or -1. */
  firstRowAt = -1;
  done = false;
  /** True once `</sheetData>` was reached. */
  ended = false;
  private phase: 'prolog' | 'rows';
  private readonly rows: RowNumbers;
  /** The plain form holds no style; when style 0 is a date format every cell needs the full rules. */
  private readonly plainRows: boolean;
  private readonly plainValue = new Float64Array(1);

  constructor(
    private readonly target: ScanTarget,
    start: ScanStart,
    private readonly context: CellContext,
    private readonly onProgress: (rowsRead: number) => void,
  ) {
    this.data = new Float64Array(Math.max(0, target.lastRow - target.firstRow + 1));
    this.phase = start.kind === 'sheet' ? 'prolog' : 'rows';
    this.rows = new RowNumbers(start.kind === 'sheet' ? 0 : start.row - 1);
    this.plainRows = !context.dateStyles.has(0);
  }

  /** True until `<sheetData>` was found. */
  get inProlog(): boolean {
    return this.phase === 'prolog';
  }

  /** The sheet row being read, for messages about an unfinished one. */
  get currentRow(): number {
    return this.rows.last + 1;
  }

  /** Consumes what it can of `buf` and returns the offset of the first byte it kept. */
  feed(buf: Buffer): number {
    let pos = 0;
    if (this.phase === 'prolog') {
      pos = this.skipProlog(buf);
      if (this.phase === 'prolog' || this.done) return pos;
    }
    for (;;) {
      pos = skipSpace(buf, pos, buf.length);
      if (pos >= buf.length || buf.length - pos < SHEET_DATA_END.length) return pos;
      if (buf[pos] !== LT) throw new UnsupportedLayout('text between rows');
      if (buf[pos + 1] === SLASH) {
        if (!bytesAt(buf, pos, SHEET_DATA_END))
          throw new UnsupportedLayout('an unexpected end tag');
        this.ended = true;
        this.done = true;
        return pos;
      }
      if (!bytesAt(buf, pos, ROW) || !endsName(buf[pos + ROW.length]))
        throw new UnsupportedLayout('an element other than <row> in <sheetData>');
      const next = this.row(buf, pos);
      if (next < 0) return pos;
      pos = next;
      if (this.done) return pos;
    }
  }

  /** Drops the XML before `<sheetData>`; moves to the rows once it is found. */
  private skipProlog(buf: Buffer): number {
    const at = buf.indexOf(SHEET_DATA);
    if (at < 0) return Math.max(0, buf.length - SHEET_DATA.length);
    const close = buf.indexOf(GT, at);
    if (close < 0 || !endsName(buf[at + SHEET_DATA.length])) return at;
    this.phase = 'rows';
    if (buf[close - 1] === SLASH) {
      this.ended = true;
      this.done = true;
    }
    return close + 1;
  }

  /** Reads the row at `pos`; returns the offset after it, or -1 when its end is not in `buf` yet. */
  private row(buf: Buffer, pos: number): number {
    const plain = this.plainRows ? this.plainRow(buf, pos) : OTHER_FORM;
    return plain === OTHER_FORM ? this.anyRow(buf, pos) : plain;
  }

  /**
   * The row the lab writes, `<row r="N"><c r="AN"><v>digits</v></c></row>`,
   * read without allocating anything: its end, -1 for more bytes, or
   * OTHER_FORM (nothing consumed) for any other form.
   */
  private plainRow(buf: Buffer, pos: number): number {
    const length = buf.length;
    let i = pos + ROW.length;
    if (i + 4 > length) return -1;
    if (buf[i] !== 32 || buf[i + 1] !== 114 || buf[i + 2] !== EQUALS || buf[i + 3] !== QUOTE)
      return OTHER_FORM;
    i += 4;
    const digits = i;
    let row = 0;
    for (; i < length; i += 1) {
      const c = buf[i] as number;
      if (c < ZERO || c > NINE) break;
      row = row * 10 + (c - ZERO);
    }
    if (i + 2 > length) return -1;
    if (i === digits || i - digits > 7 || buf[i] !== QUOTE || buf[i + 1] !== GT) return OTHER_FORM;
    const wanted = row >= this.target.firstRow && row <= this.target.lastRow;
    if (row === 1) return OTHER_FORM;
    let end = plainCell(buf, i + 2, digits, i, this.plainValue);
    if (end === -1) return -1;
    if (end === OTHER_FORM) {
      if (wanted) return OTHER_FORM;
      // A row before the chunk: only its number matters.
      const rowEnd = buf.indexOf(ROW_END, i + 2);
      if (rowEnd < 0) return -1;
      end = rowEnd + ROW_END.length;
    }
    this.rows.next(row);
    if (wanted) this.store(row, this.plainValue[0] as number);
    return end;
  }

  private store(row: number, value: number): void {
    this.data[this.got] = value;
    this.got += 1;
    if (this.got === 1) this.firstRowAt = performance.now();
    if (this.got % PROGRESS_EVERY === 0) this.onProgress(this.got);
    if (row === this.target.lastRow) this.done = true;
  }

  /** Any row: attributes in any order, any cell form; the rules of sheet-cells.ts judge the cell. */
  private anyRow(buf: Buffer, pos: number): number {
    const tagEnd = buf.indexOf(GT, pos + ROW.length);
    if (tagEnd < 0) return -1;
    const selfClosing = buf[tagEnd - 1] === SLASH;
    const rowEnd = selfClosing ? tagEnd : buf.indexOf(ROW_END, tagEnd + 1);
    if (rowEnd < 0) return -1;
    let r: string | number | null = null;
    eachAttribute(buf, pos + ROW.length, selfClosing ? tagEnd - 1 : tagEnd, (n, nEnd, v, vEnd) => {
      if (isName(buf, n, nEnd, 114 /* r */)) {
        const digits = digitsAt(buf, v, vEnd);
        r = Number.isNaN(digits) ? buf.toString('utf8', v, vEnd) : digits;
      }
    });
    const row = this.rows.next(r);
    const after = selfClosing ? tagEnd + 1 : rowEnd + ROW_END.length;
    const wanted = row >= this.target.firstRow && row <= this.target.lastRow;
    if (row !== 1 && !wanted) return after;
    const cell = selfClosing ? null : this.firstCell(buf, tagEnd + 1, rowEnd, row);
    if (row === 1) {
      if (cell && this.valueEnd > this.valueStart)
        cell.value = buf.toString('utf8', this.valueStart, this.valueEnd);
      this.header = cell;
      if (this.target.lastRow < this.target.firstRow) this.done = true;
      return after;
    }
    if (!cell) throw new SheetProblem(row, 'cell-empty', { column: DATASET_COLUMN });
    this.store(
      row,
      this.valueEnd > this.valueStart
        ? valueAt(buf, this.valueStart, this.valueEnd, cell, this.context)
        : cellNumber(cell, this.context),
    );
    return after;
  }

  private valueStart = 0;
  private valueEnd = 0;

  /**
   * Cell A of the row whose content is `buf[from, to)`, or null when the row
   * has none. The value's bytes are left in `valueStart`/`valueEnd`.
   */
  private firstCell(buf: Buffer, from: number, to: number, row: number): CellData | null {
    const at = skipSpace(buf, from, to);
    if (at >= to) return null;
    if (buf[at] !== LT || buf[at + 1] !== 99 /* c */ || !endsName(buf[at + 2]))
      throw new UnsupportedLayout('an element other than <c> in a row');
    const tagEnd = buf.indexOf(GT, at);
    if (tagEnd < 0 || tagEnd >= to) throw new UnsupportedLayout('a cell tag without its end');
    const selfClosing = buf[tagEnd - 1] === SLASH;
    const cell: CellData = {
      row,
      type: null,
      style: 0,
      value: null,
      formula: false,
      inlineText: null,
    };
    let reference: string | null = null;
    eachAttribute(buf, at + 2, selfClosing ? tagEnd - 1 : tagEnd, (n, nEnd, v, vEnd) => {
      if (isName(buf, n, nEnd, 114 /* r */)) reference = buf.toString('latin1', v, vEnd);
      else if (isName(buf, n, nEnd, 116 /* t */)) cell.type = buf.toString('latin1', v, vEnd);
      else if (isName(buf, n, nEnd, 115 /* s */)) cell.style = digitsAt(buf, v, vEnd);
    });
    if (reference !== null && columnOf(reference, row) !== 'A') return null;
    this.valueStart = this.valueEnd = 0;
    if (selfClosing) return cell;
    const cellEnd = buf.indexOf(CELL_END, tagEnd + 1);
    if (cellEnd < 0 || cellEnd > to) throw new UnsupportedLayout('a cell without its end tag');
    this.cellContent(buf, tagEnd + 1, cellEnd, cell);
    return cell;
  }

  /** The children of a cell: `<v>`, `<f>`, `<is>`, `<extLst>`. */
  private cellContent(buf: Buffer, from: number, to: number, cell: CellData): void {
    let i = from;
    for (;;) {
      i = skipSpace(buf, i, to);
      if (i >= to) return;
      if (buf[i] !== LT) throw new UnsupportedLayout('text in a cell');
      const name = buf[i + 1];
      const close = buf.indexOf(GT, i);
      if (name === 118 /* v */ && buf[i + 2] === GT) {
        const end = buf.indexOf(V_END, i + 3);
        if (end < 0 || end > to) throw new UnsupportedLayout('a value without its end tag');
        if (hasMarkup(buf, i + 3, end)) throw new UnsupportedLayout('markup in a value');
        this.valueStart = i + 3;
        this.valueEnd = end;
        // The text is decoded only when needed (the header, a value that is not a plain number).
        cell.value = '';
        i = end + V_END.length;
      } else if (name === 102 /* f */ && endsName(buf[i + 2])) {
        cell.formula = true;
        i = buf[close - 1] === SLASH ? close + 1 : this.after(buf, close, to, F_END);
      } else if (name === 105 /* i */ && buf[i + 2] === 115 /* s */ && buf[i + 3] === GT) {
        const end = this.after(buf, close, to, IS_END);
        cell.inlineText = buf
          .toString('utf8', close + 1, end - IS_END.length)
          .replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
          .replace(/<[^>]*>/g, '');
        if (cell.inlineText.includes('&')) throw new UnsupportedLayout('an entity in a string');
        i = end;
      } else if (bytesAt(buf, i + 1, EXT) && endsName(buf[i + 1 + EXT.length])) {
        i = this.after(buf, close, to, EXT_END);
      } else throw new UnsupportedLayout('an unexpected element in a cell');
    }
  }

  /** The offset after `end`, searched from `from` and before `to`. */
  private after(buf: Buffer, from: number, to: number, end: Buffer): number {
    const at = buf.indexOf(end, from);
    if (at < 0 || at + end.length > to)
      throw new UnsupportedLayout('an element without its end tag');
    return at + end.length;
  }
}
