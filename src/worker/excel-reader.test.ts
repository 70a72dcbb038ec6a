/**
 * The workbook reader against hand-edited and hostile files, each written
 * byte by byte by the test (test/support): the seed's numbers, or an exact
 * error that names the file, the row and the problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildXlsx,
  dataRows,
  HEADER_ROW,
  range,
  sheetXml,
  simpleXlsx,
  stylesXml,
} from '../../test/support/xlsx-builder';
import { buildZip, deflatedRepeat, PIECE } from '../../test/support/zip-builder';
import { readExcelChunk } from './excel-reader';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'isolation-lab-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function save(bytes: Buffer): string {
  count += 1;
  const path = join(dir, `case-${count}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}

const sum = (data: Float64Array): number => data.reduce((t, v) => t + v, 0);

/** The seed's partial read: 100 rows in two chunks of 50, as `[sum, sum]`. */
async function seedSums(bytes: Buffer): Promise<number[]> {
  const path = save(bytes);
  const sums: number[] = [];
  for (const skiprows of [0, 50]) {
    const { chunk } = await readExcelChunk(path, { skiprows, nrows: 50 });
    sums.push(sum(chunk.my_data));
  }
  return sums;
}

/** The error of reading the chunk (skiprows, nrows) of `bytes`. */
async function readError(bytes: Buffer, skiprows = 0, nrows = 50): Promise<string> {
  const path = save(bytes);
  const error = await readExcelChunk(path, { skiprows, nrows }).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, 'the read should fail').not.toBeNull();
  expect(error?.name).toBe('ExcelError');
  return (error?.message ?? '').replace(path, 'FILE');
}

describe('files edited by hand: the same numbers', () => {
  it('the plain layout gives the seed sums', async () => {
    expect(await seedSums(simpleXlsx(range(100)))).toEqual([1225, 3725]);
  });

  it('rows and cells without r are read in order, as OOXML allows', async () => {
    const rows =
      '<row><c t="s"><v>0</v></c></row>' +
      range(100)
        .map((v) => `<row><c><v>${v}</v></c></row>`)
        .join('');
    expect(await seedSums(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows) }] }))).toEqual([
      1225, 3725,
    ]);
  });

  it('attributes in any order and quoting, styles, spans, other columns, whitespace', async () => {
    const rows = range(100)
      .map(
        (v, i) =>
          `\n  <row spans='1:2' r='${i + 2}' x14ac:dyDescent="0.25" xmlns:x14ac="urn:x">` +
          `<c s="0" r="A${i + 2}" t="n"><v> ${v} </v></c><c r="B${i + 2}" t="s"><v>0</v></c></row>`,
      )
      .join('');
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>my_data</t></is></c></row>${rows}`,
    );
    expect(await seedSums(buildXlsx({ sheets: [{ name: 'S', xml }] }))).toEqual([1225, 3725]);
  });

  it('formula cells use their cached value, as pandas does', async () => {
    const rows = range(100)
      .map((v, i) => `<row r="${i + 2}"><c r="A${i + 2}"><f>ROW()-2</f><v>${v}</v></c></row>`)
      .join('');
    expect(
      await seedSums(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows) }] })),
    ).toEqual([1225, 3725]);
  });

  it('decimals and exponents are numbers (xsd:double)', async () => {
    const values = range(100).map((v) => (v === 10 ? '1.0E1' : v === 20 ? '20.000' : v));
    expect(await seedSums(simpleXlsx(values))).toEqual([1225, 3725]);
  });

  it('a namespace prefix goes to the XML parser, which gives the same numbers', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rows = [HEADER_ROW, dataRows(range(100))]
      .join('')
      .replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2');
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
    const path = save(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    const { chunk, stats } = await readExcelChunk(path, { skiprows: 50, nrows: 50 });
    expect(sum(chunk.my_data)).toBe(3725);
    expect(stats.reader).toBe('xml-parser');
  });

  it('comments, CDATA and entities are read by the XML parser', async () => {
    const rows = dataRows(range(100))
      .replace('<v>7</v>', '<v>&#55;</v>')
      .replace('<row r="30">', '<!-- edited --><row r="30">')
      .replace('<v>60</v>', '<v><![CDATA[60]]></v>');
    expect(
      await seedSums(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows) }] })),
    ).toEqual([1225, 3725]);
  });

  it("the first sheet is workbook.xml's first, whatever the zip order, for both readers", async () => {
    const other = sheetXml(HEADER_ROW + dataRows(range(100).map((v) => v + 1000)));
    // Chunk 2 of the real data needs the XML parser (a comment in its rows).
    const data = sheetXml(
      HEADER_ROW + dataRows(range(100)).replace('<row r="70">', '<!--x--><row r="70">'),
    );
    const bytes = buildXlsx({
      sheets: [
        { name: 'Data', xml: data },
        { name: 'Other', xml: other },
      ],
      reverseSheetEntries: true,
      sheetsFirst: true,
    });
    expect(await seedSums(bytes)).toEqual([1225, 3725]);
  });

  it('stored entries, data descriptors and zip64 records are read', async () => {
    const stored = simpleXlsx(range(100), {
      extra: [],
      sheets: [
        { name: 'S', xml: sheetXml(HEADER_ROW + dataRows(range(100))), entry: { method: 0 } },
      ],
    });
    expect(await seedSums(stored)).toEqual([1225, 3725]);
    const described = buildXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetXml(HEADER_ROW + dataRows(range(100))),
          entry: { dataDescriptor: true },
        },
      ],
    });
    expect(await seedSums(described)).toEqual([1225, 3725]);
    expect(await seedSums(simpleXlsx(range(100), { zip: { zip64: true } }))).toEqual([1225, 3725]);
  });
});

describe('wrong numbers become exact errors', () => {
  it('a repeated row number (11 twice, 12 missing)', async () => {
    const rows = dataRows(range(100)).replace('<row r="12"><c r="A12">', '<row r="11"><c r="A11">');
    expect(
      await readError(
        simpleXlsx([], { sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows) }] }),
      ),
    ).toBe('FILE, row 11: the row number appears twice in the sheet');
  });

  it('a missing row', async () => {
    const rows = dataRows(range(100)).replace(/<row r="12">.*?<\/row>/, '');
    expect(
      await readError(
        simpleXlsx([], { sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows) }] }),
      ),
    ).toBe('FILE, row 12: the row is missing (the sheet goes from row 11 to row 13)');
  });

  it('rows out of order', async () => {
    const back = dataRows(range(19)) + dataRows([99], 15);
    expect(
      await readError(
        simpleXlsx([], { sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + back) }] }),
      ),
    ).toBe('FILE, row 15: the row comes after row 20: the rows are out of order');
    const swapped = dataRows(range(100))
      .replace('<row r="20">', '<row r="TMP">')
      .replace('<row r="19">', '<row r="20">')
      .replace('<row r="TMP">', '<row r="19">');
    expect(
      await readError(
        simpleXlsx([], { sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + swapped) }] }),
      ),
    ).toBe('FILE, row 19: the row is missing (the sheet goes from row 18 to row 20)');
  });

  it('a sheet whose bytes do not match the CRC-32', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetXml(HEADER_ROW + dataRows(range(100))),
          entry: { crc: 0x12345678 },
        },
      ],
    });
    expect(await readError(bytes)).toBe(
      'FILE: xl/worksheets/sheet1.xml is damaged: its bytes do not match their CRC-32 checksum',
    );
  });

  it('cells formatted as dates (numFmt 14, and a custom date format)', async () => {
    const rows = dataRows(range(100)).replace('<c r="A30">', '<c r="A30" s="1">');
    const xml = sheetXml(HEADER_ROW + rows);
    expect(
      await readError(buildXlsx({ sheets: [{ name: 'S', xml }], styles: stylesXml(14) })),
    ).toBe(
      'FILE, row 30: the cell holds a date (it is formatted as a date or a time), not a number',
    );
    expect(
      await readError(
        buildXlsx({ sheets: [{ name: 'S', xml }], styles: stylesXml(170, 'dd/mm/yyyy') }),
      ),
    ).toContain('row 30: the cell holds a date');
    // A custom number format with a quoted "d" is a number.
    expect(
      await seedSums(
        buildXlsx({ sheets: [{ name: 'S', xml }], styles: stylesXml(170, '0.00 "days"') }),
      ),
    ).toEqual([1225, 3725]);
  });

  it.each([
    [
      '0x10',
      'FILE, row 12: "my_data" must hold a number, but the cell holds "0x10", which is not a decimal number',
    ],
    [
      'Infinity',
      'FILE, row 12: "my_data" must hold a number, but the cell holds "Infinity", which is not a decimal number',
    ],
    ['INF', 'FILE, row 12: "my_data" must hold a number, but the cell holds INF, an infinity'],
    ['NaN', 'FILE, row 12: "my_data" must hold a number, but the cell holds NaN, "not a number"'],
    [
      '1e999',
      'FILE, row 12: "my_data" must hold a number, but the cell holds "1e999", too large for a number',
    ],
  ])('the value %s', async (value, message) => {
    const values = range(100).map((v) => (v === 10 ? value : v));
    expect(await readError(simpleXlsx(values))).toBe(message);
  });

  it('text, booleans, errors and empty cells name what they hold', async () => {
    const shared = buildXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetXml(
            HEADER_ROW +
              dataRows(range(100)).replace('<c r="A62"><v>60</v>', '<c r="A62" t="s"><v>1</v>'),
          ),
        },
      ],
      sharedStrings: ['my_data', 'sixty'],
    });
    expect(await readError(shared, 50, 50)).toBe(
      'FILE, row 62: "my_data" must hold a number, but the cell holds the text "sixty"',
    );
    const cases: Array<[string, string]> = [
      ['<c r="A12" t="b"><v>1</v></c>', 'the boolean TRUE'],
      ['<c r="A12" t="e"><v>#DIV/0!</v></c>', 'the error value "#DIV/0!"'],
      ['<c r="A12" t="inlineStr"><is><t>ten</t></is></c>', 'the text "ten"'],
    ];
    for (const [cell, what] of cases) {
      const rows = dataRows(range(100)).replace('<c r="A12"><v>10</v></c>', cell);
      expect(
        await readError(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows) }] })),
      ).toBe(`FILE, row 12: "my_data" must hold a number, but the cell holds ${what}`);
    }
    const empty = dataRows(range(100)).replace('<c r="A12"><v>10</v></c>', '<c r="A12"/>');
    expect(
      await readError(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + empty) }] })),
    ).toBe('FILE, row 12: "my_data" is empty in this row');
  });

  it('a formula without a cached value', async () => {
    const rows = dataRows(range(100)).replace(
      '<c r="A12"><v>10</v></c>',
      '<c r="A12"><f>A11+1</f></c>',
    );
    expect(
      await readError(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows) }] })),
    ).toBe(
      'FILE, row 12: the cell holds a formula without a computed value; open the file in Excel or LibreOffice and save it to store one',
    );
  });

  it('a wrong header, and a sheet that ends early', async () => {
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>data</t></is></c></row>';
    expect(
      await readError(
        buildXlsx({ sheets: [{ name: 'S', xml: sheetXml(header + dataRows(range(100))) }] }),
      ),
    ).toBe('FILE, row 1: the header of column A should be "my_data", but it is "data"');
    expect(await readError(simpleXlsx(range(70)), 50, 50)).toBe(
      'FILE: the task needs data rows 50 to 99, but the sheet ends after 70 data rows (its last row is row 71)',
    );
    expect(await readError(buildXlsx({ sheets: [{ name: 'S', xml: sheetXml('') }] }))).toBe(
      'FILE: the sheet is empty: row 1 should hold the header "my_data" and the rows below it the data',
    );
  });

  it('a sheet target that does not exist', async () => {
    const bytes = buildXlsx({
      sheets: [
        { name: 'Gone', xml: null },
        { name: 'Other', xml: sheetXml(HEADER_ROW + dataRows(range(100))) },
      ],
    });
    expect(await readError(bytes)).toBe(
      'FILE: xl/workbook.xml lists the sheet "Gone" first, at xl/worksheets/sheet1.xml, but the file has no such part',
    );
  });
});

describe('zips a workbook reader must refuse', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'FILE: the file is empty (0 bytes)'],
    [
      'a file that is not a zip',
      Buffer.from('this is not a zip file at all\n'.repeat(50)),
      'FILE: not a readable .xlsx workbook (the file is not a zip archive, or it was cut short)',
    ],
    [
      'a truncated file',
      simpleXlsx(range(100)).subarray(0, 700),
      'FILE: not a readable .xlsx workbook (the file is not a zip archive, or it was cut short)',
    ],
  ])('%s', async (_name, bytes, message) => {
    expect(await readError(bytes)).toBe(message);
  });

  it('an encrypted entry', async () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW), entry: { encrypted: true } }],
    });
    expect(await readError(bytes)).toBe(
      'FILE: xl/worksheets/sheet1.xml is encrypted: the lab reads workbooks saved without a password',
    );
  });

  it('a part whose compressed data is not deflate', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          xml: sheetXml(HEADER_ROW),
          entry: { compressed: Buffer.from('not deflate at all') },
        },
      ],
    });
    expect(await readError(bytes)).toMatch(
      /^FILE: xl\/worksheets\/sheet1\.xml is damaged: its compressed data does not inflate/,
    );
  });

  it('workbook.xml that inflates to 2 GiB stops at its declared size', async () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + dataRows(range(100))) }],
      extra: [
        {
          name: 'xl/workbook.xml',
          data: '',
          compressed: deflatedRepeat(32, 128),
          declaredSize: 2 * 1024 * 1024 * 1024 - 1,
        },
      ],
    });
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
    expect(await readError(bytes)).toBe(
      'FILE: xl/workbook.xml inflates to more than 16 MiB, far more than a workbook part needs: the file is damaged or hostile',
    );
  });

  it('sharedStrings declared as 182 bytes that inflates to 1 GiB', async () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + dataRows(range(100))) }],
      extra: [
        {
          name: 'xl/sharedStrings.xml',
          data: '',
          compressed: deflatedRepeat(32, 64),
          declaredSize: 182,
        },
      ],
    });
    expect(await readError(bytes)).toBe(
      'FILE: xl/sharedStrings.xml is damaged or hostile: it inflates to more than the 182 bytes its header declares',
    );
  });

  it('a sheet bomb (a few MB that inflate to 1 GiB of spaces) is refused by its ratio', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          xml: '',
          entry: { compressed: deflatedRepeat(32, 64), declaredSize: 64 * PIECE - 1 },
        },
      ],
    });
    expect(await readError(bytes)).toBe(
      'FILE: xl/worksheets/sheet1.xml inflates more than 100 times its compressed size: the file is a zip bomb or damaged',
    );
  });

  it('a row longer than 1 MiB is an error that names it', async () => {
    const long = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(2 * 1024 * 1024)}</t></is></c></row>`;
    const xml = sheetXml(long + dataRows(range(100)));
    expect(await readError(buildXlsx({ sheets: [{ name: 'S', xml, entry: { method: 0 } }] }))).toBe(
      'FILE, row 1: the row is longer than 1 MiB (a row of my_data takes about 40 bytes): the file is damaged or hostile',
    );
  });

  it('whitespace between rows (stored, 16 MiB) is skipped in one pass', async () => {
    const rows = dataRows(range(100)).replace(
      '<row r="62">',
      `${' '.repeat(16 * 1024 * 1024)}<row r="62">`,
    );
    expect(
      await seedSums(
        buildXlsx({
          sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + rows), entry: { method: 0 } }],
        }),
      ),
    ).toEqual([1225, 3725]);
  });
});

describe('the zip builder itself', () => {
  it('writes what a standard reader accepts', () => {
    // A regression guard for the tests above: a two-entry zip has two central records.
    const zip = buildZip([
      { name: 'a', data: 'x' },
      { name: 'b', data: 'y', method: 0 },
    ]);
    expect(zip.readUInt16LE(zip.length - 22 + 10)).toBe(2);
  });
});
