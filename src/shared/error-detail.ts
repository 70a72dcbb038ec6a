/**
 * What an error means, as a code with its values, so that the UI can say it
 * in its own language (the message stays English, for the CLI and logs).
 * Carried by command errors, worker errors and run reports alike.
 */
import { z } from 'zod/mini';
import { EXCEL_MESSAGES, type ExcelMessageKey } from './excel-messages';

const excelKeys = Object.keys(EXCEL_MESSAGES) as [ExcelMessageKey, ...ExcelMessageKey[]];

export const errorDetailSchema = z.discriminatedUnion('code', [
  z.strictObject({
    code: z.literal('range'),
    field: z.enum(['nJobs', 'tasks', 'rows', 'excelRows', 'verbose', 'timeout']),
    given: z.string(),
    min: z.number(),
    max: z.number(),
  }),
  z.strictObject({ code: z.literal('batch-size'), given: z.string(), max: z.number() }),
  z.strictObject({
    code: z.literal('memory-guard'),
    experiment: z.string(),
    nJobs: z.number(),
    rows: z.number(),
    peakBytes: z.number(),
    budgetBytes: z.number(),
    availableBytes: z.number(),
    /** The largest rows and workers that would fit; 0 when none would. */
    maxRows: z.number(),
    maxWorkers: z.number(),
  }),
  z.strictObject({ code: z.literal('run-in-progress') }),
  /** A watcher asked to run or cancel. */
  z.strictObject({ code: z.literal('read-only') }),
  /** A cancel from a window that did not start the run. */
  z.strictObject({ code: z.literal('not-owner') }),
  /** A task ran past joblib's `timeout` (seconds). */
  z.strictObject({ code: z.literal('task-timeout'), seconds: z.number() }),
  /** A busy worker sent nothing for `seconds`; `state` is the kernel's letter (T stopped, R running...) or null. */
  z.strictObject({
    code: z.literal('stalled'),
    state: z.nullable(z.string()),
    seconds: z.number(),
  }),
  z.strictObject({
    code: z.literal('excel'),
    key: z.enum(excelKeys),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    file: z.string(),
    row: z.nullable(z.number()),
  }),
]);

export type ErrorDetail = z.infer<typeof errorDetailSchema>;
