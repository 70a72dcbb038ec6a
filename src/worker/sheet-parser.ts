/**
 * The general path of a partial read: the sheet's XML through a real XML
 * parser (saxes), for the layouts the byte scanner does not read (namespace
 * prefixes, comments, CDATA, entities, unknown elements). It applies the same
 * rules (sheet-cells.ts) as the scanner, so both give the same numbers and
 * the same errors. Slower, and only used when the scanner says so.
 *
 * Bounded like the scanner: it is fed in slices, and more than
 * `MAX_ROW_BYTES` of input without a tag is an error, so the parser's own
 * text buffer never grows past that.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DATASET_COLUMN } from '../shared/lessons';
import { DamagedFileError } from './zip-archive';
import { MAX_ROW_BYTES, PROGRESS_EVERY, type ScanTarget } from './sheet-scanner';
import {
  RowNumbers,
  SheetProblem,
  cellNumber,
  columnOf,
  type CellContext,
  type CellData,
} from './sheet-cells';

const SLICE = 64 * 1024;
const SPREADSHEET_ML =
  /^http:\/\/(schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|purl\.oclc\.org\/ooxml\/spreadsheetml\/main)$/;

const attribute = (tag: SaxesTagNS, local: string): string | null =>
  Object.values(tag.attributes).find((a) => a.local === local && a.prefix === '')?.value ?? null;

/** One parse of the sheet, from its start; `feed` it the sheet's bytes until `done`. */
export class SheetParser {
  readonly data: Float64Array;
  got = 0;
  header: CellData | null = null;
  firstRowAt = -1;
  done = false;
  ended = false;
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly rows = new RowNumbers(0);
  private inSheetData = false;
  private row = 0;
  private nextIsColumnA = false;
  private rowCell: CellData | null = null;
  private cell: CellData | null = null;
  private text: 'v' | 't' | null = null;
  private phoneticDepth = 0;
  private sinceTag = 0;

  constructor(
    private readonly target: ScanTarget,
    private readonly context: CellContext,
    private readonly onProgress: (rowsRead: number) => void,
  ) {
    this.data = new Float64Array(Math.max(0, target.lastRow - target.firstRow + 1));
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(tag));
    this.parser.on('text', (text) => this.addText(text));
    this.parser.on('cdata', (text) => this.addText(text));
  }

  /** The sheet row being read, for messages. */
  get currentRow(): number {
    return this.rows.last + 1;
  }

  feed(buf: Buffer): void {
    for (let at = 0; at < buf.length && !this.done; at += SLICE) {
      const slice = buf.subarray(at, at + SLICE);
      this.sinceTag += slice.length;
      this.write(this.decode(slice, false));
      if (this.sinceTag > MAX_ROW_BYTES)
        throw new SheetProblem(this.inSheetData ? this.currentRow : null, 'text-too-long');
    }
  }

  /** The end of the sheet's bytes. */
  finish(): void {
    if (this.done) return;
    this.write(this.decode(Buffer.alloc(0), true));
    try {
      this.parser.close();
    } catch (error) {
      throw new DamagedFileError('sheet-not-xml', { reason: (error as Error).message });
    }
  }

  private decode(slice: Buffer, end: boolean): string {
    try {
      return this.decoder.decode(slice, { stream: !end });
    } catch {
      throw new DamagedFileError('sheet-not-utf8');
    }
  }

  private write(text: string): void {
    try {
      this.parser.write(text);
    } catch (error) {
      if (error instanceof SheetProblem || error instanceof DamagedFileError) throw error;
      throw new DamagedFileError('sheet-not-xml', { reason: (error as Error).message });
    }
  }

  private open(tag: SaxesTagNS): void {
    this.sinceTag = 0;
    if (this.done || !SPREADSHEET_ML.test(tag.uri)) return;
    if (tag.local === 'sheetData') this.inSheetData = true;
    else if (!this.inSheetData) return;
    else if (tag.local === 'row') this.openRow(tag);
    else if (tag.local === 'c') this.openCell(tag);
    else if (!this.cell) return;
    else if (tag.local === 'v') {
      this.cell.value = '';
      this.text = 'v';
    } else if (tag.local === 'f') this.cell.formula = true;
    else if (tag.local === 'rPh') this.phoneticDepth += 1;
    else if (tag.local === 't' && this.phoneticDepth === 0) {
      this.cell.inlineText ??= '';
      this.text = 't';
    }
  }

  private openRow(tag: SaxesTagNS): void {
    this.row = this.rows.next(attribute(tag, 'r'));
    this.nextIsColumnA = true;
    this.rowCell = null;
  }

  private openCell(tag: SaxesTagNS): void {
    const reference = attribute(tag, 'r');
    const isA = reference === null ? this.nextIsColumnA : columnOf(reference, this.row) === 'A';
    this.nextIsColumnA = false;
    const wanted =
      this.row === 1 || (this.row >= this.target.firstRow && this.row <= this.target.lastRow);
    if (!isA || !wanted) return;
    const style = attribute(tag, 's');
    this.cell = {
      row: this.row,
      type: attribute(tag, 't'),
      style: style === null ? 0 : Number(style),
      value: null,
      formula: false,
      inlineText: null,
    };
  }

  private addText(text: string): void {
    if (!this.cell || !this.text) return;
    if (this.text === 'v') this.cell.value += text;
    else this.cell.inlineText += text;
  }

  private close(tag: SaxesTagNS): void {
    this.sinceTag = 0;
    if (this.done || !SPREADSHEET_ML.test(tag.uri)) return;
    if (tag.local === 'v' || tag.local === 't') this.text = null;
    else if (tag.local === 'rPh') this.phoneticDepth -= 1;
    else if (tag.local === 'c' && this.cell) {
      this.rowCell = this.cell;
      this.cell = null;
    } else if (tag.local === 'row' && this.inSheetData) this.closeRow();
    else if (tag.local === 'sheetData') {
      this.inSheetData = false;
      this.ended = true;
      this.done = true;
    }
  }

  private closeRow(): void {
    const row = this.row;
    if (row === 1) {
      this.header = this.rowCell;
      if (this.target.lastRow < this.target.firstRow) this.done = true;
      return;
    }
    if (row < this.target.firstRow || row > this.target.lastRow) return;
    if (!this.rowCell) throw new SheetProblem(row, 'cell-empty', { column: DATASET_COLUMN });
    this.data[this.got] = cellNumber(this.rowCell, this.context);
    this.got += 1;
    if (this.got === 1) this.firstRowAt = performance.now();
    if (this.got % PROGRESS_EVERY === 0) this.onProgress(this.got);
    if (row === this.target.lastRow) this.done = true;
  }
}
