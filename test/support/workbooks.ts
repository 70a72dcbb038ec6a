/**
 * Workbooks as other programs write them (exceljs's regular writer: the
 * sheet before the workbook parts), for the tests of what the readers do
 * with files the lab did not write.
 */
import ExcelJS from 'exceljs';

/** Writes a `my_data` column holding `cells`; `style` formats the column (which the scanner leaves to exceljs). */
export async function writeWorkbook(
  path: string,
  cells: readonly unknown[],
  style = false,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['my_data']);
  for (const cell of cells) sheet.addRow([cell]);
  if (style) {
    sheet.getColumn(1).numFmt = '0.00';
    sheet.getColumn(1).font = { bold: true };
  }
  await workbook.xlsx.writeFile(path);
}

/** 0 … n-1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
