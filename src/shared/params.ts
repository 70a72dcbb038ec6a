/**
 * The parameters of a run and of a comparison: their schemas, their limits
 * and their defaults, declared once. The CLI, the IPC handlers and the
 * WebSocket bridge all parse requests with these schemas (through
 * `validateRunParams` and `validateCompareParams`), so a bad value gets the
 * same message everywhere and nothing is written or spawned before it passes.
 * Requests may come as JSON or as the CLI's strings; a parsed request is
 * complete, with every default filled in.
 */
import { z } from 'zod/mini';
import type { ErrorDetail } from './error-detail';
import { DEFINED_IN, LESSONS, LESSON_IDS, type DefinedIn, type LessonId } from './lessons';
import { STRATEGIES, strategySchema, type Strategy } from './strategies';

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

/** joblib's `batch_size`: a whole number of tasks per batch, or `'auto'`. */
export const batchSizeSchema = z.union([z.int().check(z.minimum(1)), z.literal('auto')]);
export type BatchSize = z.infer<typeof batchSizeSchema>;

/** A validated run: what the lab runs and the report records. */
export const runParamsSchema = z.strictObject({
  experiment: z.enum(LESSON_IDS),
  /** joblib's `n_jobs`: how many worker processes run the tasks. */
  nJobs: z.int(),
  /** How many tasks to run; the tutorial runs one per worker. */
  tasks: z.int(),
  /** Rows in the dataset (`my_data` = 0 … rows-1); used by the dataset lessons. */
  rows: z.int(),
  batchSize: batchSizeSchema,
  /** joblib's `verbose`: 0 prints nothing, 10 (the tutorial's value) prints progress, above 10 every task. */
  verbose: z.int(),
  /** joblib's `timeout`: seconds a task may run before the run ends with a TimeoutError; null for no limit. */
  timeout: z.nullable(z.int()),
  /** Where the task's function is defined (see DEFINED_IN); `module` only for a lesson whose function writes its globals. */
  definedIn: z.enum(DEFINED_IN),
});
export type RunParams = z.infer<typeof runParamsSchema>;

/** A comparison of dataset strategies at the same size. */
export const compareParamsSchema = z.strictObject({
  nJobs: z.int(),
  /** At most Excel's 1,048,575: the partial read needs the workbook. */
  rows: z.int(),
  /** Also run every strategy with 1 … nJobs workers, for the scaling chart. */
  sweep: z.boolean(),
  /** The strategies compared, at least one, each once, in the order of STRATEGIES. */
  strategies: z.array(strategySchema),
});
export type CompareParams = z.infer<typeof compareParamsSchema>;

/** The values a run takes when a parameter is not given: the tutorial's. */
export const DEFAULT_PARAMS: Omit<RunParams, 'experiment'> = {
  nJobs: 2,
  tasks: 2,
  rows: 100,
  batchSize: 1,
  verbose: 10,
  timeout: null,
  definedIn: 'notebook',
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

function describe(value: unknown): string {
  if (value === undefined) return 'nothing was given';
  if (typeof value === 'string') return `"${value}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Which field a whole-number rule checks, for the UI's message. */
type RangeField = Extract<ErrorDetail, { code: 'range' }>['field'];

/** A parse issue that carries the ParamError to raise: the words students read. */
function refuse(ctx: z.core.ParsePayload<unknown>, value: unknown, error: ParamError): never {
  ctx.issues.push({ code: 'custom', input: value, params: { error } });
  return z.NEVER;
}

/** A whole number in [min, max] from JSON or the CLI's text, or the ParamError that says what is allowed. */
function whole(
  value: unknown,
  param: string,
  min: number,
  max: number,
  field?: RangeField,
): number | ParamError {
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
  const allowed = `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const detail = field
    ? { code: 'range' as const, field, given: describe(value), min, max }
    : undefined;
  return new ParamError(param, value, allowed, detail);
}

/** A whole number in [min, max], as a schema; an issue carries the ParamError to raise. */
function wholeNumber(param: string, min: number, max: number, field?: RangeField) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): number => {
      const n = whole(value, param, min, max, field);
      return n instanceof ParamError ? refuse(ctx, value, n) : n;
    }),
  );
}

/** The same, or null (joblib's None). */
function wholeNumberOrNull(param: string, min: number, max: number, field?: RangeField) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): number | null => {
      if (value === null) return null;
      const n = whole(value, param, min, max, field);
      return n instanceof ParamError ? refuse(ctx, value, n) : n;
    }),
  );
}

/** The ParamError an issue carries, also inside the branches of a union. */
function carriedError(issue: z.core.$ZodIssue | undefined): ParamError | null {
  if (!issue) return null;
  const carried = (issue as { params?: { error?: unknown } }).params?.error;
  if (carried instanceof ParamError) return carried;
  if (issue.code === 'invalid_union')
    for (const branch of issue.errors)
      for (const inner of branch) {
        const found = carriedError(inner);
        if (found) return found;
      }
  return null;
}

/** Turns the first issue of a failed parse into the ParamError it carries, or describes it. */
function paramError(
  error: z.core.$ZodError,
  subject: string,
  keys: readonly string[],
  input?: unknown,
): ParamError {
  const issue = error.issues[0];
  const carried = carriedError(issue);
  if (carried) return carried;
  if (issue?.code === 'unrecognized_keys')
    return new ParamError('parameter name', issue.keys[0], keys.join(', '));
  const at = issue?.path[0];
  if (at === 'experiment') {
    const given = (input as Record<string, unknown> | undefined)?.experiment;
    return new ParamError('experiment', given, `one of ${LESSON_IDS.join(', ')}`);
  }
  return new ParamError(subject, undefined, `an object with ${keys.join(', ')}`);
}

const RUN_KEYS = [
  'experiment',
  'nJobs',
  'tasks',
  'rows',
  'batchSize',
  'verbose',
  'timeout',
  'definedIn',
] as const;
const EXCEL_ROWS_PARAM = 'rows (Excel holds at most 1,048,575 data rows)';

const batchSizeInput = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): BatchSize => {
    if (value === 'auto') return 'auto';
    const { max } = LIMITS.batchSize;
    const n = whole(value, 'batch size', LIMITS.batchSize.min, max);
    if (!(n instanceof ParamError)) return n;
    const allowed = `"auto" or a whole number from 1 to ${max.toLocaleString('en-US')}`;
    const detail = { code: 'batch-size' as const, given: describe(value), max };
    return refuse(ctx, value, new ParamError('batch size', value, allowed, detail));
  }),
);

/** A run request as it arrives: every field but the lesson optional, numbers as numbers or text. */
const runRequestSchema = z.strictObject({
  experiment: z.enum(LESSON_IDS),
  nJobs: z.optional(wholeNumber('workers (nJobs)', LIMITS.nJobs.min, LIMITS.nJobs.max, 'nJobs')),
  tasks: z.optional(wholeNumber('tasks', LIMITS.tasks.min, LIMITS.tasks.max, 'tasks')),
  rows: z.optional(z.unknown()),
  batchSize: z.optional(batchSizeInput),
  verbose: z.optional(wholeNumber('verbose', LIMITS.verbose.min, LIMITS.verbose.max, 'verbose')),
  // null says "no timeout", as joblib's default None.
  timeout: z.optional(
    wholeNumberOrNull('timeout (seconds)', LIMITS.timeout.min, LIMITS.timeout.max, 'timeout'),
  ),
  definedIn: z.optional(z.unknown()),
});

/** What the renderer may send as a run request (the lab says what is wrong with a value). */
export type RunRequest = { experiment: LessonId } & Partial<
  Record<Exclude<(typeof RUN_KEYS)[number], 'experiment'>, unknown>
>;

/** The largest row count the lesson accepts (Excel's limit for the Excel lesson). */
export function maxRowsFor(experiment: LessonId): number {
  return LESSONS[experiment].usesExcel ? LIMITS.excelRows.max : LIMITS.datasetRows.max;
}

/** The rows rule depends on the lesson: Excel's limit for the Excel lesson. */
function rowsFor(experiment: LessonId, value: unknown): number {
  if (value === undefined) return DEFAULT_PARAMS.rows;
  const excel = LESSONS[experiment].usesExcel;
  const rule = excel
    ? wholeNumber(EXCEL_ROWS_PARAM, 1, maxRowsFor(experiment), 'excelRows')
    : wholeNumber('rows', 1, maxRowsFor(experiment), 'rows');
  const parsed = rule.safeParse(value);
  if (!parsed.success) throw paramError(parsed.error, 'rows', RUN_KEYS);
  return parsed.data;
}

/**
 * Checks a run request from any source (CLI flags as strings, IPC or
 * WebSocket messages as JSON) and returns it complete, with defaults filled in.
 * `tasks` defaults to `nJobs`, as in the tutorial. Throws `ParamError` naming
 * the first bad parameter.
 */
export function validateRunParams(input: unknown): RunParams {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ParamError('run request', input, `an object with ${RUN_KEYS.join(', ')}`);
  const parsed = runRequestSchema.safeParse(input);
  if (!parsed.success) throw paramError(parsed.error, 'run request', RUN_KEYS, input);
  const { experiment, ...given } = parsed.data;
  const nJobs = given.nJobs ?? DEFAULT_PARAMS.nJobs;
  const rows = rowsFor(experiment, given.rows);
  const tasks = given.tasks ?? nJobs;
  if (LESSONS[experiment].usesDataset && tasks > rows)
    throw new ParamError('tasks', tasks, `at most one task per row: no more than rows (${rows})`);
  const definedIn = definedInFor(experiment, given.definedIn);
  if (LESSONS[experiment].inThreads && tasks > LIMITS.nJobs.max)
    throw new ParamError(
      'tasks',
      tasks,
      `at most ${LIMITS.nJobs.max}: ${experiment} runs one thread per task`,
    );
  return runParamsSchema.parse({
    experiment,
    nJobs,
    tasks,
    rows,
    batchSize: given.batchSize ?? DEFAULT_PARAMS.batchSize,
    verbose: given.verbose ?? DEFAULT_PARAMS.verbose,
    timeout: given.timeout ?? DEFAULT_PARAMS.timeout,
    definedIn,
  });
}

/** `notebook` always; `module` only where the function writes its globals (global-write, worker-reuse). */
function definedInFor(experiment: LessonId, value: unknown): DefinedIn {
  if (value === undefined || value === 'notebook') return 'notebook';
  const importable = LESSON_IDS.filter((id) => LESSONS[id].writesGlobals);
  if (value === 'module' && importable.includes(experiment)) return 'module';
  throw new ParamError(
    'definedIn',
    value,
    `"notebook", or "module" for ${importable.join(' and ')} (a function that writes its globals)`,
  );
}

const COMPARE_KEYS = ['nJobs', 'rows', 'sweep', 'strategies'] as const;

const STRATEGIES_ALLOWED = `one or more of ${STRATEGIES.join(', ')}, each once (a list, or the names separated by commas)`;

/** The strategies of a compare request, from a list or the CLI's comma-separated text, in the order of STRATEGIES. */
function strategiesOf(value: unknown): Strategy[] | ParamError {
  const names = typeof value === 'string' ? value.split(',').map((name) => name.trim()) : value;
  if (!Array.isArray(names) || names.length === 0)
    return new ParamError('strategies', value, STRATEGIES_ALLOWED);
  const chosen = new Set<Strategy>();
  for (const name of names as unknown[]) {
    const parsed = strategySchema.safeParse(name);
    if (!parsed.success || chosen.has(parsed.data))
      return new ParamError('strategies', value, STRATEGIES_ALLOWED);
    chosen.add(parsed.data);
  }
  return STRATEGIES.filter((strategy) => chosen.has(strategy));
}

const compareRequestSchema = z.strictObject({
  nJobs: z.optional(wholeNumber('workers (nJobs)', LIMITS.nJobs.min, LIMITS.nJobs.max, 'nJobs')),
  rows: z.optional(z.unknown()),
  sweep: z.optional(
    z.pipe(
      z.unknown(),
      z.transform((value: unknown, ctx): boolean => {
        if (value === true || value === 'true') return true;
        if (value === false || value === 'false') return false;
        return refuse(ctx, value, new ParamError('sweep', value, 'true or false'));
      }),
    ),
  ),
  strategies: z.optional(
    z.pipe(
      z.unknown(),
      z.transform((value: unknown, ctx): Strategy[] => {
        const strategies = strategiesOf(value);
        return strategies instanceof ParamError ? refuse(ctx, value, strategies) : strategies;
      }),
    ),
  ),
});

/** What the renderer may send as a compare request. */
export type CompareRequest = Partial<Record<(typeof COMPARE_KEYS)[number], unknown>>;

/** Checks a compare request from any source; fills in the tutorial's defaults. */
export function validateCompareParams(input: unknown): CompareParams {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ParamError('compare request', input, `an object with ${COMPARE_KEYS.join(', ')}`);
  const parsed = compareRequestSchema.safeParse(input);
  if (!parsed.success) throw paramError(parsed.error, 'compare request', COMPARE_KEYS);
  const nJobs = parsed.data.nJobs ?? DEFAULT_PARAMS.nJobs;
  // At least one row per worker; at most what the workbook holds.
  const rowsRule = wholeNumber(EXCEL_ROWS_PARAM, nJobs, LIMITS.excelRows.max);
  const rows = rowsRule.safeParse(parsed.data.rows ?? DEFAULT_PARAMS.rows);
  if (!rows.success) throw paramError(rows.error, 'rows', COMPARE_KEYS);
  return {
    nJobs,
    rows: rows.data,
    sweep: parsed.data.sweep ?? false,
    strategies: parsed.data.strategies ?? [...STRATEGIES],
  };
}
