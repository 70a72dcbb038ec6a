/**
 * The parameters of a run and their validation. The CLI, the IPC handlers and
 * the WebSocket bridge all validate through `validateRunParams`, so a bad value
 * gets the same message everywhere and nothing is written or spawned before
 * it passes.
 */
import type { ErrorDetail } from './api';
import { EXPERIMENTS, EXPERIMENT_IDS, isExperimentId, type ExperimentId } from './experiments';

/** joblib's `batch_size`: a whole number of tasks per batch, or `'auto'`. */
export type BatchSize = number | 'auto';

/** A validated run request. */
export interface RunParams {
  experiment: ExperimentId;
  /** joblib's `n_jobs`: how many worker processes run the tasks. */
  nJobs: number;
  /** How many tasks to run; the tutorial runs one per worker. */
  tasks: number;
  /** Rows in the dataset (`my_data` = 0 … rows-1); used by the dataset lessons. */
  rows: number;
  batchSize: BatchSize;
  /** joblib's `verbose`: 0 prints nothing, 10 (the tutorial's value) prints progress, above 10 every task. */
  verbose: number;
  /** joblib's `timeout`: seconds a task may run before the run ends with a TimeoutError; null for no limit. */
  timeout: number | null;
}

/**
 * The limits a run accepts, with the reason for each, so that an error can
 * say what is allowed.
 */
export const LIMITS = {
  /**
   * Each worker is a whole Node process (about 40 MiB before it holds data);
   * 32 is sixteen times the cores of a classroom laptop, more than any
   * lesson needs and still safe to start.
   */
  nJobs: { min: 1, max: 32 },
  tasks: { min: 1, max: 1_000_000 },
  /** Excel holds 1,048,576 rows per sheet; one is the `my_data` header. */
  excelRows: { min: 1, max: 1_048_575 },
  /**
   * The in-memory dataset of `full-copy` may exceed Excel's limit; the memory
   * guard decides how far on a given machine. 2^31-1 rows is V8's ceiling for
   * one typed array on 64-bit hosts in practice.
   */
  datasetRows: { min: 1, max: 2_147_483_647 },
  batchSize: { min: 1, max: 1_000_000 },
  verbose: { min: 0, max: 100 },
  /**
   * joblib's `timeout`, in whole seconds: up to an hour, longer than any
   * lesson runs. Without one a run still ends when a busy worker goes silent.
   */
  timeout: { min: 1, max: 3_600 },
} as const;

/** The values a run takes when a parameter is not given: the tutorial's. */
export const DEFAULT_PARAMS: Omit<RunParams, 'experiment'> = {
  nJobs: 2,
  tasks: 2,
  rows: 100,
  batchSize: 1,
  verbose: 10,
  timeout: null,
};

/** A parameter that failed validation: which one, what was given, what is allowed. */
export class ParamError extends Error {
  override name = 'ParamError';
  constructor(
    readonly param: string,
    readonly given: unknown,
    readonly allowed: string,
    /** The same, as a code with values, for the UI's language. */
    readonly detail?: ErrorDetail,
  ) {
    super(`Invalid ${param}: ${describe(given)}. Allowed: ${allowed}.`);
  }
}

/** Which field a whole-number rule checks, for the UI's message. */
type RangeField = Extract<ErrorDetail, { code: 'range' }>['field'];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing was given';
  if (typeof value === 'string') return `"${value}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function wholeNumber(
  param: string,
  value: unknown,
  min: number,
  max: number,
  field?: RangeField,
): number {
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new ParamError(
      param,
      value,
      `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`,
      field ? { code: 'range', field, given: describe(value), min, max } : undefined,
    );
  }
  return n;
}

/** The largest row count the lesson accepts (Excel's limit for the Excel lesson). */
export function maxRowsFor(experiment: ExperimentId): number {
  return EXPERIMENTS[experiment].usesExcel ? LIMITS.excelRows.max : LIMITS.datasetRows.max;
}

/**
 * Checks a run request from any source (CLI flags as strings, IPC or
 * WebSocket messages as JSON) and returns it complete, with defaults filled in.
 * `tasks` defaults to `nJobs`, as in the tutorial. Throws `ParamError` naming
 * the first bad parameter.
 */
export function validateRunParams(input: unknown): RunParams {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ParamError(
      'run request',
      input,
      'an object with experiment, nJobs, tasks, rows, batchSize, verbose, timeout',
    );
  }
  const raw = input as Record<string, unknown>;
  const known = new Set([
    'experiment',
    'nJobs',
    'tasks',
    'rows',
    'batchSize',
    'verbose',
    'timeout',
  ]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new ParamError('parameter name', key, [...known].join(', '));
  }
  if (!isExperimentId(raw.experiment)) {
    throw new ParamError('experiment', raw.experiment, `one of ${EXPERIMENT_IDS.join(', ')}`);
  }
  const experiment = raw.experiment;
  const nJobs =
    raw.nJobs === undefined
      ? DEFAULT_PARAMS.nJobs
      : wholeNumber('workers (nJobs)', raw.nJobs, LIMITS.nJobs.min, LIMITS.nJobs.max, 'nJobs');
  const definition = EXPERIMENTS[experiment];
  const rowsMax = maxRowsFor(experiment);
  const rows =
    raw.rows === undefined
      ? DEFAULT_PARAMS.rows
      : wholeNumber(
          definition.usesExcel ? 'rows (Excel holds at most 1,048,575 data rows)' : 'rows',
          raw.rows,
          1,
          rowsMax,
          definition.usesExcel ? 'excelRows' : 'rows',
        );
  const tasks =
    raw.tasks === undefined
      ? nJobs
      : wholeNumber('tasks', raw.tasks, LIMITS.tasks.min, LIMITS.tasks.max, 'tasks');
  if (definition.usesDataset && tasks > rows) {
    throw new ParamError('tasks', tasks, `at most one task per row: no more than rows (${rows})`);
  }
  let batchSize: BatchSize;
  if (raw.batchSize === undefined) batchSize = DEFAULT_PARAMS.batchSize;
  else if (raw.batchSize === 'auto') batchSize = 'auto';
  else {
    try {
      batchSize = wholeNumber(
        'batch size',
        raw.batchSize,
        LIMITS.batchSize.min,
        LIMITS.batchSize.max,
      );
    } catch {
      throw new ParamError(
        'batch size',
        raw.batchSize,
        `"auto" or a whole number from 1 to ${LIMITS.batchSize.max.toLocaleString('en-US')}`,
        { code: 'batch-size', given: describe(raw.batchSize), max: LIMITS.batchSize.max },
      );
    }
  }
  const verbose =
    raw.verbose === undefined
      ? DEFAULT_PARAMS.verbose
      : wholeNumber('verbose', raw.verbose, LIMITS.verbose.min, LIMITS.verbose.max, 'verbose');
  const timeout =
    raw.timeout === undefined || raw.timeout === null
      ? DEFAULT_PARAMS.timeout
      : wholeNumber(
          'timeout (seconds)',
          raw.timeout,
          LIMITS.timeout.min,
          LIMITS.timeout.max,
          'timeout',
        );
  return { experiment, nJobs, tasks, rows, batchSize, verbose, timeout };
}

/** A comparison of the two dataset strategies at the same size. */
export interface CompareParams {
  nJobs: number;
  /** At most Excel's 1,048,575: the partial read needs the workbook. */
  rows: number;
  /** Also run both strategies with 1 … nJobs workers, for the scaling chart. */
  sweep: boolean;
}

/** Checks a compare request from any source; fills in the tutorial's defaults. */
export function validateCompareParams(input: unknown): CompareParams {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ParamError('compare request', input, 'an object with nJobs, rows and sweep');
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['nJobs', 'rows', 'sweep', 'experiment'].includes(key))
      throw new ParamError('parameter name', key, 'nJobs, rows, sweep');
  }
  if (raw.experiment !== undefined && raw.experiment !== 'compare')
    throw new ParamError('experiment', raw.experiment, '"compare"');
  const nJobs =
    raw.nJobs === undefined
      ? DEFAULT_PARAMS.nJobs
      : wholeNumber('workers (nJobs)', raw.nJobs, LIMITS.nJobs.min, LIMITS.nJobs.max);
  const rows =
    raw.rows === undefined
      ? DEFAULT_PARAMS.rows
      : wholeNumber(
          'rows (Excel holds at most 1,048,575 data rows)',
          raw.rows,
          nJobs,
          LIMITS.excelRows.max,
        );
  const sweep = raw.sweep === undefined ? false : raw.sweep === true || raw.sweep === 'true';
  if (
    raw.sweep !== undefined &&
    typeof raw.sweep !== 'boolean' &&
    raw.sweep !== 'true' &&
    raw.sweep !== 'false'
  ) {
    throw new ParamError('sweep', raw.sweep, 'true or false');
  }
  return { nJobs, rows, sweep };
}
