/**
 * The workbook's problems in both languages: the same keys, the same
 * placeholders, and the English exactly as the reader's tests expect.
 */
import { describe, expect, it } from 'vitest';
import { excelText } from '../error-text';
import { formats } from '../format';
import { EXCEL_MESSAGES, excelMessage, fillTemplate } from '../../../shared/excel-messages';
import { EXCEL_ES } from './excel-es';
import { translator } from './index';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

describe('the workbook messages', () => {
  it('have a Spanish text for every key, with the same placeholders', () => {
    expect(Object.keys(EXCEL_ES).sort()).toEqual(Object.keys(EXCEL_MESSAGES).sort());
    const differ = Object.entries(EXCEL_MESSAGES).filter(
      ([key, text]) => placeholders(text) !== placeholders(EXCEL_ES[key as keyof typeof EXCEL_ES]),
    );
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it("fill numbers with the language's grouping", () => {
    expect(excelMessage('row-number', { given: 'x', max: 1_048_576 })).toBe(
      'a row is numbered "x": row numbers are whole numbers from 1 to 1,048,576',
    );
    expect(fillTemplate(EXCEL_ES['row-number'], { given: 'x', max: 1_048_576 }, 'es-CL')).toBe(
      'una fila tiene el número "x": los números de fila son enteros de 1 a 1.048.576',
    );
  });
});

describe('a workbook problem in the Spanish UI', () => {
  it('names the file, the row and the problem in Spanish, with Spanish numbers', () => {
    const text = excelText(
      {
        code: 'excel',
        key: 'sheet-ends',
        params: { first: 50, last: 99, rows: 70, lastRow: 71 },
        file: 'my_database.xlsx',
        row: null,
      },
      translator('es'),
      formats('es'),
    );
    expect(text).toBe(
      'my_database.xlsx: la tarea necesita las filas de datos 50 a 99, pero la hoja termina después de 70 filas de datos (su última fila es la 71)',
    );
    expect(
      excelText(
        {
          code: 'excel',
          key: 'text-cell',
          params: { column: 'my_data', text: 'sesenta' },
          file: 'my_database.xlsx',
          row: 1_048_576,
        },
        translator('es'),
        formats('es'),
      ),
    ).toBe(
      'my_database.xlsx, fila 1.048.576: "my_data" debe tener un número, pero la celda tiene el texto "sesenta"',
    );
  });
});
