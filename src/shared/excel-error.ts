/**
 * Problems with my_database.xlsx, named so that a student can act on them:
 * which file, which row, what was wrong. The problem is a key with its
 * values (excel-messages.ts), so that the UI can say it in its language.
 */
import type { ErrorDetail } from './error-detail';
import { excelMessage, type ExcelMessageKey, type ExcelParams } from './excel-messages';

export class ExcelError extends Error {
  override name = 'ExcelError';
  readonly problem: string;
  readonly detail: ErrorDetail;
  constructor(
    readonly file: string,
    readonly row: number | null,
    key: ExcelMessageKey,
    params: ExcelParams = {},
  ) {
    const problem = excelMessage(key, params);
    super(row === null ? `${file}: ${problem}` : `${file}, row ${row}: ${problem}`);
    this.problem = problem;
    this.detail = { code: 'excel', key, params, file, row };
  }
}
