/**
 * The JSON run report: what `lab run --json` prints, what the UI receives at
 * the end of a run, and what the tests check. One shape for every host.
 */
import type { ErrorDetail, RunPhase } from './api';
import type { ExperimentId } from './experiments';
import type { GlobalSummary, MemorySample, MemorySnapshot } from './memory';
import type { CompareParams, RunParams } from './params';

/** The error of a run, as the parent re-raises it. */
export interface ReportError {
  /** `WorkerError` (the task raised), `TerminatedWorkerError` (the process died), `CancelledError`, `ExcelError`, ... */
  name: string;
  message: string;
  stack: string;
  /** Pid of the worker that raised or died; null for errors in the parent. */
  workerPid: number | null;
  /** The task that raised or was running; null when unknown. */
  taskIndex: number | null;
  /** The error as raised inside the worker (its class and message), when it came from a task. */
  cause: { name: string; message: string; detail?: ErrorDetail } | null;
  /** What a parent-side error means, as a code with values (a workbook that cannot be written, say). */
  detail?: ErrorDetail;
  /** For a terminated worker: its exit code and signal. */
  exitCode?: number | null;
  signal?: string | null;
  /** For a terminated worker, Electron's reason where it gave one (`oom`: out of memory, `killed`, `crashed`...). */
  reason?: string;
}

/** How a worker read one chunk of my_database.xlsx: the lesson's point is how little of the file it touched. */
export interface ReadStats {
  /** `scanner`: the lab's byte scanner; `xml-parser`: a real XML parser, for layouts the scanner does not read. */
  reader: 'scanner' | 'xml-parser';
  /** From the start of the read to the chunk's first row. */
  firstRowMs: number;
  totalMs: number;
  /** The sheet row where inflating began: 1 from the sheet's start, later from a flush point of the lab's index. */
  startRow: number;
  /** The lab's row index: `used`, `ignored` (the sheet changed since it was written) or `absent` (a file the lab did not write). */
  index: 'used' | 'ignored' | 'absent';
  /** Bytes of the sheet's zip entry read from the file, and bytes inflated from them. */
  compressedBytes: number;
  uncompressedBytes: number;
  /** The whole sheet entry, compressed and inflated. */
  sheetCompressedBytes: number;
  sheetUncompressedBytes: number;
  /**
   * `verified`: every byte inflated matched a CRC-32 (the index's per-block
   * ones, or the entry's for a read to the end); `not-reached`: the read
   * stopped before a checksum could be compared.
   */
  crc32: 'verified' | 'not-reached';
}

export interface ReadRecord extends ReadStats {
  taskIndex: number;
  rows: number;
}

/** When a phase of a run began, on the clock of its memory timeline (ms since sampling began). */
export interface PhaseMark {
  phase: RunPhase;
  t: number;
}

export interface WorkerReport {
  /** Position of the worker in the pool (0-based), stable across runs while the process lives. */
  slot: number;
  pid: number;
  /** Tasks this worker ran in this run, in the order it ran them. */
  taskIndexes: number[];
  /** The copies of the parent's globals this worker received. */
  received: GlobalSummary[];
  /** Bytes of dataset the worker held at the end of the run. */
  datasetBytes: number;
  memory: {
    /** Measured after the worker warmed up, before it received any data. */
    baseline: MemorySnapshot;
    /** Measured at the end of the run, while the worker still held its data. */
    after: MemorySnapshot | null;
  };
  /** File handles still open on .xlsx files at the end of the run (should be 0; null where the OS cannot tell). */
  openXlsxHandles: number | null;
  /** The largest resident set the worker reached during the run; null when it did not answer. */
  peakRss: number | null;
  reads: ReadRecord[];
}

export interface RunReport {
  experiment: ExperimentId;
  params: RunParams;
  /** Task results in task order; null when the run raised. */
  results: unknown[] | null;
  /** The results as `print(parallel_results)` shows them in the notebook; null when the run raised. */
  printedResults: string | null;
  error: ReportError | null;
  /** The parent's globals after the run, as the notebook would print them. */
  mainGlobals: GlobalSummary[];
  workers: WorkerReport[];
  memory: {
    /** Bytes of the dataset (8 per row) for the dataset lessons, 0 otherwise. */
    datasetBytes: number;
    /** Bytes of dataset the parent holds itself (its `my_global_df`). */
    mainDatasetBytes: number;
    /** Bytes of dataset held by all workers together. */
    workersDatasetBytes: number;
    /** workersDatasetBytes ÷ datasetBytes for the dataset lessons; null otherwise. */
    duplication: number | null;
  };
  timings: {
    startedAt: string;
    /** Writing my_database.xlsx (0 when the file was already up to date or not needed). */
    excelWriteMs: number;
    /** Starting the workers this run needed (0 when the pool was already up). */
    poolStartMs: number;
    /** From the first dispatched task to the last result. */
    runMs: number;
    totalMs: number;
  };
  /** The verbose lines, as joblib would print them. */
  log: string[];
  host: { pid: number; backend: string; platform: string };
  /** The parent's own memory at the end of the run. */
  main: { pid: number; memory: MemorySnapshot };
  /** The phases of the run on the timeline's clock, to mark on its time axis. */
  phases: PhaseMark[];
  /** Every process's memory, sampled during the run. */
  timeline: MemorySample[];
}

/** One process's memory in a comparison: what it holds and what it grew by. */
export interface ProcessMemoryRow {
  role: 'main' | 'worker';
  slot: number | null;
  pid: number;
  /** Bytes of dataset the process holds, counted exactly (8 per row). */
  datasetBytes: number;
  /** USS at the end of the run; null where the OS does not give it. */
  uss: number | null;
  rss: number;
  /** Growth over the run's baseline (workers only; the parent's memory holds the whole app). */
  ussDelta: number | null;
  rssDelta: number | null;
  /** Growth of V8's used heap over the baseline. */
  heapDelta: number | null;
}

/** One strategy of a comparison. */
export interface StrategySummary {
  experiment: 'full-copy' | 'partial-read';
  printedResults: string | null;
  error: ReportError | null;
  processes: ProcessMemoryRow[];
  /** Dataset bytes held by all workers together. */
  workersDatasetBytes: number;
  /** Sum of the workers' USS growth (RSS growth where USS is not available). */
  workersMeasuredBytes: number | null;
  /** The parent's own copy. */
  mainDatasetBytes: number;
  /** workersDatasetBytes ÷ datasetBytes. */
  duplication: number | null;
  /** What the dataset costs in all processes in theory: (N+1)·D for a full copy, 2·D for a partial read. */
  idealBytes: number;
  runMs: number;
  phases: PhaseMark[];
  timeline: MemorySample[];
}

export interface SweepPoint {
  workers: number;
  /** Parent's copy + the workers' measured growth, and the ideal, for each strategy. */
  fullCopy: { measuredBytes: number | null; idealBytes: number };
  partialRead: { measuredBytes: number | null; idealBytes: number };
}

/** The `compare` report: full copy against partial read at the same rows and workers. */
/** A comparison that ran every step to its end: the only kind whose figures are shown. */
export interface CompareReport {
  experiment: 'compare';
  outcome: 'complete';
  params: CompareParams;
  datasetBytes: number;
  /** Which figure the measured numbers are: USS on Linux, RSS elsewhere. */
  figure: 'uss' | 'rss';
  strategies: [StrategySummary, StrategySummary];
  sweep: SweepPoint[] | null;
  timings: { startedAt: string; totalMs: number };
  host: { pid: number; backend: string; platform: string };
}

/**
 * A comparison that stopped before its end (cancelled, or a step raised):
 * where it stopped and why, and no figures, because half of a comparison
 * measures nothing.
 */
export interface StoppedCompare {
  experiment: 'compare';
  outcome: 'cancelled' | 'failed';
  params: CompareParams;
  /** The step that did not finish. */
  stoppedDuring: {
    experiment: 'full-copy' | 'partial-read';
    nJobs: number;
    /** True for a step of the sweep (1 … nJobs workers), false for the main comparison. */
    sweep: boolean;
  };
  error: ReportError;
  timings: { startedAt: string; totalMs: number };
}

/** What a comparison answers: complete, or stopped with where and why. */
export type CompareOutcome = CompareReport | StoppedCompare;
