/**
 * The JSON run report: what `lab run --json` prints, what the UI receives at
 * the end of a run, and what the tests check. One shape for every host,
 * declared once as a schema; the types are inferred from it.
 */
import { z } from 'zod/mini';
import { errorDetailSchema } from './error-detail';
import { memorySampleSchema, globalSummarySchema, memorySnapshotSchema } from './memory';
import { compareParamsSchema, runParamsSchema } from './params';
import { LESSON_IDS, LESSONS } from './lessons';
import { strategySchema } from './strategies';
import { threadsOutcomeSchema } from './threads';

/** The stages of a run, in order, for the progress display. */
export const RUN_PHASES = [
  'preparing-dataset',
  'writing-excel',
  'starting-workers',
  'running',
  'measuring',
  'finished',
] as const;
export const runPhaseSchema = z.enum(RUN_PHASES);
export type RunPhase = z.infer<typeof runPhaseSchema>;

/** The error of a run, as the parent re-raises it. */
export const reportErrorSchema = z.strictObject({
  /** `WorkerError` (the task raised), `TerminatedWorkerError` (the process died), `CancelledError`, `ExcelError`, ... */
  name: z.string(),
  message: z.string(),
  stack: z.string(),
  /** Pid of the worker that raised or died; null for errors in the parent. */
  workerPid: z.nullable(z.number()),
  /** The task that raised or was running; null when unknown. */
  taskIndex: z.nullable(z.number()),
  /** The error as raised inside the worker (its class and message), when it came from a task. */
  cause: z.nullable(
    z.strictObject({
      name: z.string(),
      message: z.string(),
      detail: z.optional(errorDetailSchema),
    }),
  ),
  /** What a parent-side error means, as a code with values (a workbook that cannot be written, say). */
  detail: z.optional(errorDetailSchema),
  /** For a terminated worker: its exit code and signal. */
  exitCode: z.optional(z.nullable(z.number())),
  signal: z.optional(z.nullable(z.string())),
  /** For a terminated worker, Electron's reason where it gave one (`oom`: out of memory, `killed`, `crashed`...). */
  reason: z.optional(z.string()),
});
export type ReportError = z.infer<typeof reportErrorSchema>;

/** How a worker read one chunk of my_database.xlsx: the lesson's point is how little of the file it touched. */
export const readStatsSchema = z.strictObject({
  /** `scanner`: the lab's byte scanner; `xml-parser`: a real XML parser, for layouts the scanner does not read. */
  reader: z.enum(['scanner', 'xml-parser']),
  /** From the start of the read to the chunk's first row. */
  firstRowMs: z.number(),
  totalMs: z.number(),
  /** The sheet row where inflating began: 1 from the sheet's start, later from a flush point of the lab's index. */
  startRow: z.number(),
  /** The lab's row index: `used`, `ignored` (the sheet changed since it was written) or `absent` (a file the lab did not write). */
  index: z.enum(['used', 'ignored', 'absent']),
  /** Bytes of the sheet's zip entry read from the file, and bytes inflated from them. */
  compressedBytes: z.number(),
  uncompressedBytes: z.number(),
  /** The whole sheet entry, compressed and inflated. */
  sheetCompressedBytes: z.number(),
  sheetUncompressedBytes: z.number(),
  /**
   * `verified`: every byte inflated matched a CRC-32 (the index's per-block
   * ones, or the entry's for a read to the end); `not-reached`: the read
   * stopped before a checksum could be compared.
   */
  crc32: z.enum(['verified', 'not-reached']),
});
export type ReadStats = z.infer<typeof readStatsSchema>;

export const readRecordSchema = z.extend(readStatsSchema, {
  taskIndex: z.number(),
  rows: z.number(),
});
export type ReadRecord = z.infer<typeof readRecordSchema>;

/** When a phase of a run began, on the clock of its memory timeline (ms since sampling began). */
export const phaseMarkSchema = z.strictObject({ phase: runPhaseSchema, t: z.number() });
export type PhaseMark = z.infer<typeof phaseMarkSchema>;

export const workerReportSchema = z.strictObject({
  /** Position of the worker in the pool (0-based), stable across runs while the process lives. */
  slot: z.number(),
  pid: z.number(),
  /** Tasks this worker ran in this run, in the order it ran them. */
  taskIndexes: z.array(z.number()),
  /** The copies of the parent's globals this worker received. */
  received: z.array(globalSummarySchema),
  /** Bytes of dataset the worker held at the end of the run. */
  datasetBytes: z.number(),
  memory: z.strictObject({
    /** Measured after the worker warmed up, before it received any data. */
    baseline: memorySnapshotSchema,
    /** Measured at the end of the run, while the worker still held its data. */
    after: z.nullable(memorySnapshotSchema),
  }),
  /** File handles still open on .xlsx files at the end of the run (should be 0; null where the OS cannot tell). */
  openXlsxHandles: z.nullable(z.number()),
  /** The largest resident set the worker reached during the run; null when it did not answer. */
  peakRss: z.nullable(z.number()),
  reads: z.array(readRecordSchema),
});
export type WorkerReport = z.infer<typeof workerReportSchema>;

const hostSchema = z.strictObject({ pid: z.number(), backend: z.string(), platform: z.string() });

/** One task on the task stream: which worker ran it, in which batch, from when to when (ms since the first dispatch). */
export const taskSpanSchema = z.strictObject({
  taskIndex: z.int(),
  slot: z.int(),
  batchId: z.int(),
  start: z.number(),
  end: z.number(),
});
export type TaskSpan = z.infer<typeof taskSpanSchema>;

/** The most task spans a report keeps: enough to draw, and a million-task run stays small. */
export const MAX_TASK_SPANS = 5_000;

export const runReportSchema = z.strictObject({
  experiment: z.enum(LESSON_IDS),
  params: runParamsSchema,
  /** Task results in task order; null when the run raised. */
  results: z.nullable(z.array(z.unknown())),
  /** The results as `print(parallel_results)` shows them in the notebook; null when the run raised. */
  printedResults: z.nullable(z.string()),
  error: z.nullable(reportErrorSchema),
  /** The parent's globals after the run, as the notebook would print them. */
  mainGlobals: z.array(globalSummarySchema),
  workers: z.array(workerReportSchema),
  memory: z.strictObject({
    /** Bytes of the dataset (8 per row) for the dataset lessons, 0 otherwise. */
    datasetBytes: z.number(),
    /** Bytes of dataset the parent holds itself (its `my_global_df`). */
    mainDatasetBytes: z.number(),
    /** Bytes of dataset held by all workers together. */
    workersDatasetBytes: z.number(),
    /** workersDatasetBytes ÷ datasetBytes for the dataset lessons; null otherwise. */
    duplication: z.nullable(z.number()),
  }),
  timings: z.strictObject({
    startedAt: z.string(),
    /** Writing my_database.xlsx (0 when the file was already up to date or not needed). */
    excelWriteMs: z.number(),
    /** Starting the workers this run needed (0 when the pool was already up). */
    poolStartMs: z.number(),
    /** From the first dispatched task to the last result. */
    runMs: z.number(),
    totalMs: z.number(),
  }),
  /** The verbose lines, as joblib would print them. */
  log: z.array(z.string()),
  /** The shared-memory lesson's threads (null for every other lesson). */
  threads: z.nullable(threadsOutcomeSchema),
  /** The task stream: the first MAX_TASK_SPANS tasks that finished, and how many finished in all. */
  taskStream: z.strictObject({ spans: z.array(taskSpanSchema), total: z.int() }),
  host: hostSchema,
  /** The parent's own memory at the end of the run. */
  main: z.strictObject({ pid: z.number(), memory: memorySnapshotSchema }),
  /** The phases of the run on the timeline's clock, to mark on its time axis. */
  phases: z.array(phaseMarkSchema),
  /** Every process's memory, sampled during the run. */
  timeline: z.array(memorySampleSchema),
});
export type RunReport = z.infer<typeof runReportSchema>;

/** One process's memory in a comparison: what it holds and what it grew by. */
export const processMemoryRowSchema = z.strictObject({
  role: z.enum(['main', 'worker']),
  slot: z.nullable(z.number()),
  pid: z.number(),
  /** Bytes of dataset the process holds, counted exactly (8 per row). */
  datasetBytes: z.number(),
  /** USS at the end of the run; null where the OS does not give it. */
  uss: z.nullable(z.number()),
  rss: z.number(),
  /** Growth over the run's baseline (workers only; the parent's memory holds the whole app). */
  ussDelta: z.nullable(z.number()),
  rssDelta: z.nullable(z.number()),
  /** Growth of V8's used heap over the baseline. */
  heapDelta: z.nullable(z.number()),
});
export type ProcessMemoryRow = z.infer<typeof processMemoryRowSchema>;

/** One strategy of a comparison. */
export const strategySummarySchema = z.strictObject({
  experiment: strategySchema,
  printedResults: z.nullable(z.string()),
  error: z.nullable(reportErrorSchema),
  processes: z.array(processMemoryRowSchema),
  /** Dataset bytes held by all workers together. */
  workersDatasetBytes: z.number(),
  /** Sum of the workers' USS growth (RSS growth where USS is not available). */
  workersMeasuredBytes: z.nullable(z.number()),
  /** The parent's own copy. */
  mainDatasetBytes: z.number(),
  /** workersDatasetBytes ÷ datasetBytes. */
  duplication: z.nullable(z.number()),
  /** What the dataset costs in all processes in theory (see IDEAL_COPIES): (N+1)·D, 2·D or 1·D. */
  idealBytes: z.number(),
  /** For a strategy run in threads: how much each thread's own heap grew (its garbage collected); null for processes. */
  threadHeapGrowth: z.nullable(z.array(z.number())),
  runMs: z.number(),
  phases: z.array(phaseMarkSchema),
  timeline: z.array(memorySampleSchema),
});
export type StrategySummary = z.infer<typeof strategySummarySchema>;

const measuredSchema = z.strictObject({
  experiment: strategySchema,
  measuredBytes: z.nullable(z.number()),
  idealBytes: z.number(),
});

export const sweepPointSchema = z.strictObject({
  workers: z.number(),
  /** Parent's copy + the workers' measured growth, and the ideal, for each strategy of the comparison, in its order. */
  strategies: z.array(measuredSchema),
});
export type SweepPoint = z.infer<typeof sweepPointSchema>;

const compareTimingsSchema = z.strictObject({ startedAt: z.string(), totalMs: z.number() });

/** A comparison that ran every step to its end: the only kind whose figures are shown. */
export const compareReportSchema = z.strictObject({
  experiment: z.literal('compare'),
  outcome: z.literal('complete'),
  params: compareParamsSchema,
  datasetBytes: z.number(),
  /** Which figure the measured numbers are: USS on Linux, RSS elsewhere. */
  figure: z.enum(['uss', 'rss']),
  /** One per strategy of `params.strategies`, in its order. */
  strategies: z.array(strategySummarySchema).check(z.minLength(1)),
  sweep: z.nullable(z.array(sweepPointSchema)),
  timings: compareTimingsSchema,
  host: hostSchema,
});
export type CompareReport = z.infer<typeof compareReportSchema>;

/**
 * A comparison that stopped before its end (cancelled, or a step raised):
 * where it stopped and why, and no figures, because half of a comparison
 * measures nothing.
 */
export const stoppedCompareSchema = z.strictObject({
  experiment: z.literal('compare'),
  outcome: z.enum(['cancelled', 'failed']),
  params: compareParamsSchema,
  /** The step that did not finish. */
  stoppedDuring: z.strictObject({
    experiment: strategySchema,
    nJobs: z.number(),
    /** True for a step of the sweep (1 … nJobs workers), false for the main comparison. */
    sweep: z.boolean(),
  }),
  error: reportErrorSchema,
  timings: compareTimingsSchema,
});
export type StoppedCompare = z.infer<typeof stoppedCompareSchema>;

/** What a comparison answers: complete, or stopped with where and why. */
export const compareOutcomeSchema = z.union([compareReportSchema, stoppedCompareSchema]);
export type CompareOutcome = z.infer<typeof compareOutcomeSchema>;

/** The parent's global the notebook prints after a run of the report's lesson (`MY_GLOBAL_VAR`, `CALLS`), as the report has it; null when it prints none. */
export function printedParent(report: RunReport): { name: string; display: string } | null {
  const name = LESSONS[report.experiment].printsParent;
  if (!name) return null;
  const global = report.mainGlobals.find((g) => g.name === name);
  return global ? { name, display: global.display } : null;
}
