/**
 * Problems with my_database.xlsx, named so that a student can act on them:
 * which file, which row, what was wrong.
 */
export class ExcelError extends Error {
  override name = 'ExcelError';
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly problem: string,
  ) {
    super(row === null ? `${file}: ${problem}` : `${file}, row ${row}: ${problem}`);
  }
}
