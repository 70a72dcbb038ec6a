/**
 * What can be wrong with my_database.xlsx, once: each problem a key with
 * its English template. The worker raises a key with its values; the CLI
 * and the logs show the English, and the UI says it in its own language
 * (the Spanish templates are in the renderer, with the same placeholders).
 */
export const EXCEL_MESSAGES = {
  'file-missing': 'the file does not exist (looked for {path})',
  'file-denied': 'the file cannot be read (permission denied: {path})',
  'file-is-folder': 'this is a folder, not a workbook ({path})',
  'file-io': 'the disk could not read the file ({path})',
  'file-empty': 'the file is empty (0 bytes)',
  'write-disk-full':
    'cannot be written: the disk is full (ENOSPC): free some space or choose another data folder',
  'write-quota':
    'cannot be written: the disk quota is used up (EDQUOT): free some space or choose another data folder',
  'write-denied':
    'cannot be written: permission denied ({code}): choose a data folder you can write to',
  'write-read-only':
    'cannot be written: the folder is on a read-only disk (EROFS): choose another data folder',
  'write-no-folder': 'cannot be written: the data folder does not exist (ENOENT)',
  'write-not-folder': 'cannot be written: the data folder is not a folder (ENOTDIR)',
  'write-io': 'cannot be written: the disk reported an input/output error (EIO)',
  'not-a-zip': 'not a readable .xlsx workbook (the file is not a zip archive, or it was cut short)',
  'zip-damaged': 'the file is damaged ({reason})',
  'too-many-parts':
    'the zip lists {count} parts; a workbook has a few dozen (at most {max} are read)',
  encrypted: '{part} is encrypted: the lab reads workbooks saved without a password',
  'compression-method':
    '{part} uses zip compression method {method}; the lab reads stored and deflated parts, the ones Excel writes',
  'part-too-large':
    '{part} inflates to more than {limit} MiB, far more than a workbook part needs: the file is damaged or hostile',
  'part-size-mismatch': '{part} is damaged: it holds {actual} bytes, its header says {declared}',
  'part-crc': '{part} is damaged: its bytes do not match their CRC-32 checksum',
  'block-mismatch':
    '{part} is damaged: bytes {start}–{end} do not match the size and CRC-32 recorded for them',
  'range-outside': '{part}: bytes {start}–{end} are outside the part',
  'part-truncated': '{part} is damaged: the file ends inside it',
  'local-header': '{part} is damaged: its local header cannot be read ({reason})',
  'data-unreadable': '{part} is damaged: its data cannot be read ({reason})',
  'zip-bomb':
    '{part} inflates more than {ratio} times its compressed size: the file is a zip bomb or damaged',
  'declared-too-small':
    '{part} is damaged or hostile: it inflates to more than the {declared} bytes its header declares',
  'not-deflate': '{part} is damaged: its compressed data does not inflate ({reason})',
  'part-not-xml': '{part} is not valid XML ({reason})',
  'no-workbook': 'not a readable .xlsx workbook: it has no workbook part ({part})',
  'sheet-no-rel-id': '{part}: the first sheet has no relationship id (r:id)',
  'no-sheet': '{part} lists no sheet: the workbook is empty',
  'sheet-rel-missing':
    '{part} lists the sheet "{sheet}" first, but its relationship {id} is missing',
  'sheet-part-missing':
    '{part} lists the sheet "{sheet}" first, at {target}, but the file has no such part',
  'sheet-not-xml': 'the sheet is not valid XML ({reason})',
  'sheet-not-utf8': 'the sheet is not valid UTF-8 text',
  'text-too-long': 'more than 1 MiB of text without a tag: the sheet is damaged or hostile',
  'prolog-too-long': 'the sheet has more than 1 MiB of markup in one tag before its rows',
  'row-too-long':
    'the row is longer than 1 MiB (a row of my_data takes about 40 bytes): the file is damaged or hostile',
  'sheet-empty':
    'the sheet is empty: row 1 should hold the header "{column}" and the rows below it the data',
  'sheet-ends':
    'the task needs data rows {first} to {last}, but the sheet ends after {rows} data rows (its last row is row {lastRow})',
  'row-number': 'a row is numbered "{given}": row numbers are whole numbers from 1 to {max}',
  'duplicate-row': 'the row number appears twice in the sheet',
  'row-out-of-order': 'the row comes after row {previous}: the rows are out of order',
  'header-row-missing':
    'the sheet starts at row {row}, but row 1 should hold the header "{column}"',
  'row-missing': 'the row is missing (the sheet goes from row {previous} to row {next})',
  'rows-missing':
    'rows {first}–{last} are missing (the sheet goes from row {previous} to row {next})',
  'bad-reference': 'a cell has the reference "{reference}", which is not a cell address',
  'cell-in-wrong-row': 'the cell {reference} is inside row {row}: the sheet is damaged',
  'cell-empty': '"{column}" is empty in this row',
  'number-too-large':
    '"{column}" must hold a number, but the cell holds "{value}", too large for a number',
  'number-infinite': '"{column}" must hold a number, but the cell holds {value}, an infinity',
  'number-nan': '"{column}" must hold a number, but the cell holds NaN, "not a number"',
  'not-decimal':
    '"{column}" must hold a number, but the cell holds "{value}", which is not a decimal number',
  'formula-no-value':
    'the cell holds a formula without a computed value; open the file in Excel or LibreOffice and save it to store one',
  'date-cell': 'the cell holds a date (it is formatted as a date or a time), not a number',
  'text-cell': '"{column}" must hold a number, but the cell holds the text "{text}"',
  'text-cell-unknown':
    '"{column}" must hold a number, but the cell holds the text of shared string {index}, which the file does not hold',
  'formula-text':
    '"{column}" must hold a number, but the cell holds the text "{text}" (a formula\'s result)',
  'boolean-cell': '"{column}" must hold a number, but the cell holds the boolean {value}',
  'error-cell': '"{column}" must hold a number, but the cell holds the error value "{value}"',
  'date-value':
    '"{column}" must hold a number, but the cell holds the date "{value}", not a number',
  'unknown-type': 'the cell has the unknown type t="{type}"',
  'header-no-text': 'the header of column A should be "{column}", but the cell holds no text',
  'header-wrong': 'the header of column A should be "{column}", but it is "{found}"',
} as const;

export type ExcelMessageKey = keyof typeof EXCEL_MESSAGES;

/** The values a message refers to: numbers are written in the reader's language. */
export type ExcelParams = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` in a template; a name without a value stays as it is. With
 * a locale, numbers get its grouping; without one they are written as given
 * (the UI formats them itself).
 */
export function fillTemplate(template: string, params: ExcelParams = {}, locale?: string): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return match;
    const value = params[name] as string | number;
    return typeof value === 'number' && locale ? value.toLocaleString(locale) : String(value);
  });
}

/** The English text of a problem, as the CLI and the report say it. */
export function excelMessage(key: ExcelMessageKey, params: ExcelParams = {}): string {
  return fillTemplate(EXCEL_MESSAGES[key], params, 'en-US');
}

/** A text quoted in a message: at most 40 characters. */
export function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
