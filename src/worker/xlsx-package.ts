/**
 * The structure of an .xlsx around its sheet, parsed with a real XML parser
 * (saxes): which sheet is the first (workbook.xml order, as pandas'
 * `sheet_name=0`), which styles show dates, the shared strings, and the lab's
 * row index when it still matches the sheet. Every part is read through the
 * bounded, CRC-checked inflate of zip-archive.ts.
 */
import { posix } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import {
  ROW_INDEX_NAMESPACE,
  ROW_INDEX_PART,
  ROW_INDEX_RELATIONSHIP,
} from '../shared/workbook-format';
import { isDateFormat } from './sheet-cells';
import {
  DamagedFileError,
  ZIP_LIMITS,
  type ArchiveEntry,
  type DeflateBlock,
  type ZipArchive,
} from './zip-archive';

/** The largest block an index may declare; the lab writes about 1 MiB per 16,384 rows. */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024;

/** A full-flush point of the sheet's deflate stream, from the lab's index. */
export interface FlushBlock {
  /** The sheet row that starts the block. */
  row: number;
  compressedOffset: number;
  uncompressedOffset: number;
  /** CRC-32 of the block's uncompressed bytes. */
  crc: number;
}

export interface RowIndex {
  blocks: FlushBlock[];
  /** The same blocks as the inflate reads them: byte ranges, sizes and CRC-32s. */
  deflateBlocks: DeflateBlock[];
}

export interface WorkbookLayout {
  sheet: ArchiveEntry;
  sheetName: string;
  /** Style indexes (the `s` of a cell) whose number format is a date or a time. */
  dateStyles: Set<number>;
  sharedStrings: ArchiveEntry | null;
  /** The lab's row index: `used` when it matches the sheet, `ignored` when the sheet changed since. */
  index: RowIndex | null;
  indexState: 'used' | 'ignored' | 'absent';
}

/** Parses a whole XML part, calling `onOpen` for each start tag and `onText` for text. */
function parseXml(
  name: string,
  xml: Buffer,
  onOpen: (tag: SaxesTagNS) => void,
  onText?: (text: string) => void,
  onClose?: (tag: SaxesTagNS) => void,
): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('opentag', onOpen);
  if (onText) parser.on('text', onText);
  if (onClose) parser.on('closetag', onClose);
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (error) {
    throw new DamagedFileError('part-not-xml', { part: name, reason: (error as Error).message });
  }
}

const attr = (tag: SaxesTagNS, local: string): string | undefined =>
  Object.values(tag.attributes).find((a) => a.local === local && a.prefix === '')?.value;

/** An attribute in the officeDocument relationships namespace (`r:id`), whatever its prefix. */
const relationshipId = (tag: SaxesTagNS): string | undefined =>
  Object.values(tag.attributes).find(
    (a) => a.local === 'id' && /officeDocument\/(2006\/)?relationships$/.test(a.uri),
  )?.value;

function requirePart(archive: ZipArchive, name: string): ArchiveEntry {
  const entry = archive.get(name);
  if (!entry) throw new DamagedFileError('no-workbook', { part: name });
  return entry;
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of `part` (its `_rels/<name>.rels`), with targets resolved to part names. */
async function relationships(
  archive: ZipArchive,
  part: string,
): Promise<Map<string, Relationship>> {
  const dir = posix.dirname(part);
  const relsName = posix.join(dir, '_rels', `${posix.basename(part)}.rels`).replace(/^\.\//, '');
  const entry = archive.get(relsName);
  const found = new Map<string, Relationship>();
  if (!entry) return found;
  parseXml(relsName, await archive.readPart(entry), (tag) => {
    if (tag.local !== 'Relationship') return;
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (!id || target === undefined || attr(tag, 'TargetMode') === 'External') return;
    const resolved = target.startsWith('/')
      ? target.slice(1)
      : posix.normalize(posix.join(dir, target));
    found.set(id, { type: attr(tag, 'Type') ?? '', target: resolved.replace(/^\.\//, '') });
  });
  return found;
}

const ofType = (rels: Map<string, Relationship>, suffix: string): Relationship | undefined =>
  [...rels.values()].find((r) => r.type.endsWith(suffix));

/** The first `<sheet>` of workbook.xml: its name and relationship id. */
async function firstSheet(
  archive: ZipArchive,
  workbook: ArchiveEntry,
): Promise<{ name: string; id: string }> {
  let sheet: { name: string; id: string } | null = null;
  parseXml(workbook.name, await archive.readPart(workbook), (tag) => {
    if (sheet || tag.local !== 'sheet') return;
    const id = relationshipId(tag);
    if (id === undefined) throw new DamagedFileError('sheet-no-rel-id', { part: workbook.name });
    sheet = { name: attr(tag, 'name') ?? '?', id };
  });
  if (!sheet) throw new DamagedFileError('no-sheet', { part: workbook.name });
  return sheet;
}

/** Style indexes whose number format is a date or a time. */
async function dateStylesOf(
  archive: ZipArchive,
  styles: Relationship | undefined,
): Promise<Set<number>> {
  const dates = new Set<number>();
  const entry = styles && archive.get(styles.target);
  if (!entry) return dates;
  const codes = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(
    entry.name,
    await archive.readPart(entry),
    (tag) => {
      if (tag.local === 'numFmt')
        codes.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (tag.local === 'cellXfs') inCellXfs = true;
      else if (tag.local === 'xf' && inCellXfs) xfFormats.push(Number(attr(tag, 'numFmtId') ?? 0));
    },
    undefined,
    (tag) => {
      if (tag.local === 'cellXfs') inCellXfs = false;
    },
  );
  xfFormats.forEach((id, index) => {
    if (isDateFormat(id, codes.get(id))) dates.add(index);
  });
  return dates;
}

/** The text of shared string `index` (rich text runs joined, phonetic runs left out), or null. */
export async function sharedString(
  archive: ZipArchive,
  entry: ArchiveEntry,
  index: number,
): Promise<string | null> {
  let at = -1;
  let depthInPhonetic = 0;
  let inText = false;
  let text: string | null = null;
  parseXml(
    entry.name,
    await archive.readPart(entry),
    (tag) => {
      if (tag.local === 'si') at += 1;
      else if (tag.local === 'rPh') depthInPhonetic += 1;
      else if (tag.local === 't' && at === index && depthInPhonetic === 0) {
        inText = true;
        text ??= '';
      }
    },
    (chunk) => {
      if (inText) text += chunk;
    },
    (tag) => {
      if (tag.local === 't') inText = false;
      else if (tag.local === 'rPh') depthInPhonetic -= 1;
    },
  );
  return text;
}

/** The lab's row index, when its recorded sheet matches the sheet's entry exactly; otherwise null. */
async function rowIndexOf(
  archive: ZipArchive,
  rootRels: Map<string, Relationship>,
  sheet: ArchiveEntry,
): Promise<RowIndex | null> {
  const rel = ofType(rootRels, ROW_INDEX_RELATIONSHIP);
  const entry = rel && rel.target === ROW_INDEX_PART ? archive.get(rel.target) : undefined;
  if (!entry) return null;
  const blocks: FlushBlock[] = [];
  let matches = false;
  parseXml(entry.name, await archive.readPart(entry), (tag) => {
    if (tag.uri !== ROW_INDEX_NAMESPACE) return;
    const n = (name: string): number => Number(attr(tag, name) ?? Number.NaN);
    if (tag.local === 'rowIndex')
      matches =
        attr(tag, 'sheet') === sheet.name &&
        n('compressedSize') === sheet.compressedSize &&
        n('uncompressedSize') === sheet.uncompressedSize &&
        n('crc32') === sheet.crc32;
    else if (tag.local === 'block' && blocks.length <= 100_000)
      blocks.push({
        row: n('row'),
        compressedOffset: n('compressedOffset'),
        uncompressedOffset: n('uncompressedOffset'),
        crc: n('crc32'),
      });
  });
  if (!matches || !blocksAreSound(blocks, sheet)) return null;
  const deflateBlocks = blocks.map((block, i) => ({
    compressedStart: block.compressedOffset,
    compressedEnd: blocks[i + 1]?.compressedOffset ?? sheet.compressedSize,
    uncompressedSize:
      (blocks[i + 1]?.uncompressedOffset ?? sheet.uncompressedSize) - block.uncompressedOffset,
    crc: block.crc,
  }));
  // A block inflates in one piece: refuse an index whose blocks are huge or inflate like a bomb.
  const plausible = deflateBlocks.every(
    (b) =>
      b.uncompressedSize <= MAX_BLOCK_BYTES &&
      b.uncompressedSize <=
        Math.max(ZIP_LIMITS.ratioGrace, ZIP_LIMITS.ratio * (b.compressedEnd - b.compressedStart)),
  );
  return plausible ? { blocks, deflateBlocks } : null;
}

function blocksAreSound(blocks: FlushBlock[], sheet: ArchiveEntry): boolean {
  if (blocks.length === 0 || blocks.length > 100_000) return false;
  const first = blocks[0] as FlushBlock;
  if (first.row !== 1 || first.compressedOffset !== 0 || first.uncompressedOffset !== 0)
    return false;
  return blocks.every((block, i) => {
    const previous = blocks[i - 1];
    const whole = [block.row, block.compressedOffset, block.uncompressedOffset, block.crc].every(
      (v) => Number.isSafeInteger(v) && v >= 0,
    );
    return (
      whole &&
      block.compressedOffset < Math.max(sheet.compressedSize, 1) &&
      block.uncompressedOffset < Math.max(sheet.uncompressedSize, 1) &&
      (!previous ||
        (block.row > previous.row &&
          block.compressedOffset > previous.compressedOffset &&
          block.uncompressedOffset > previous.uncompressedOffset))
    );
  });
}

/** Finds the first sheet and what reading it needs. */
export async function readLayout(archive: ZipArchive): Promise<WorkbookLayout> {
  const rootRels = await relationships(archive, '');
  const workbookName = ofType(rootRels, '/officeDocument')?.target ?? 'xl/workbook.xml';
  const workbook = requirePart(archive, workbookName);
  const sheetRef = await firstSheet(archive, workbook);
  const rels = await relationships(archive, workbook.name);
  const target = rels.get(sheetRef.id);
  if (!target)
    throw new DamagedFileError('sheet-rel-missing', {
      part: workbook.name,
      sheet: sheetRef.name,
      id: sheetRef.id,
    });
  const sheet = archive.get(target.target);
  if (!sheet)
    throw new DamagedFileError('sheet-part-missing', {
      part: workbook.name,
      sheet: sheetRef.name,
      target: target.target,
    });
  const sharedTarget = ofType(rels, '/sharedStrings');
  const index = await rowIndexOf(archive, rootRels, sheet);
  return {
    sheet,
    sheetName: sheetRef.name,
    dateStyles: await dateStylesOf(archive, ofType(rels, '/styles')),
    sharedStrings: (sharedTarget && archive.get(sharedTarget.target)) ?? null,
    index,
    indexState: index ? 'used' : ofType(rootRels, ROW_INDEX_RELATIONSHIP) ? 'ignored' : 'absent',
  };
}
