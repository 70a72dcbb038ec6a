/**
 * The messages between the main process and a worker: one source of truth for
 * both ends. They travel by structured clone (Node's `serialization:
 * 'advanced'`, or Electron's utilityProcess), so typed arrays such as the
 * dataset arrive as real copies. Each side checks what it receives with the
 * guards below before acting on it.
 */
import type { ErrorDetail } from './api';
import type { ExperimentId } from './experiments';
import type { GlobalSummary, MemorySnapshot } from './memory';
import type { ReadRecord } from './report';

/** An error raised in a worker, in a form that survives the trip to the parent. */
export interface SerializedError {
  name: string;
  message: string;
  stack: string;
  /** What it means as a code with values, for the UI's language (the lab's own errors have one). */
  detail?: ErrorDetail;
}

/** What the parent sends before a run's first task: the code and the copies of the globals it uses. */
export interface InstallMessage {
  type: 'install';
  runId: number;
  experiment: ExperimentId;
  taskName: string;
  taskSource: string;
  /** Values of the globals the task refers to; each worker gets its own copy. */
  globals: Record<string, unknown>;
  /** Send `task-started` before each task (the UI wants it; the CLI and the benchmark do not). */
  announceStarts: boolean;
}

export interface TaskCall {
  /** Position of the task in the run; results come back in this order. */
  index: number;
  args: unknown[];
}

export interface BatchMessage {
  type: 'batch';
  runId: number;
  batchId: number;
  tasks: TaskCall[];
}

export type MainToWorker =
  | InstallMessage
  | BatchMessage
  | { type: 'cancel'; runId: number }
  | { type: 'end-run'; runId: number }
  /** `settle`: collect garbage first and wait its turn after earlier messages (for a baseline); otherwise answer at once (for sampling). */
  | { type: 'measure'; requestId: number; settle: boolean }
  | { type: 'shutdown' };

/**
 * A worker busy with a long batch says it is alive at least this often
 * (between tasks), so that the parent can tell a slow batch from a stopped or
 * stuck worker.
 */
export const HEARTBEAT_MS = 1_000;

export type WorkerToMain =
  | { type: 'ready'; pid: number; baseline: MemorySnapshot; nodeVersion: string }
  | { type: 'installed'; runId: number; received: GlobalSummary[]; memory: MemorySnapshot }
  | { type: 'task-started'; runId: number; taskIndex: number }
  | { type: 'batch-done'; runId: number; batchId: number; results: unknown[]; durationMs: number }
  | {
      type: 'task-failed';
      runId: number;
      batchId: number;
      taskIndex: number;
      error: SerializedError;
    }
  | {
      type: 'read-progress';
      runId: number;
      taskIndex: number;
      rowsRead: number;
      rowsWanted: number;
    }
  | {
      type: 'run-ended';
      runId: number;
      memory: MemorySnapshot;
      /** Bytes of dataset this worker held at the end of the run (received globals and rows it read). */
      datasetBytes: number;
      /** How many file handles of the worker still point at an .xlsx file (0 unless a reader leaked one). */
      openXlsxHandles: number | null;
      /** The largest resident set the worker reached during the run (sampled while reading). */
      peakRss: number;
      /** How each chunk was read (Excel lesson only). */
      reads: ReadRecord[];
    }
  | { type: 'measured'; requestId: number; memory: MemorySnapshot }
  /** Sent between tasks when the worker has said nothing for HEARTBEAT_MS. */
  | { type: 'alive'; runId: number };

const WORKER_MESSAGE_TYPES = new Set<WorkerToMain['type']>([
  'ready',
  'installed',
  'task-started',
  'batch-done',
  'task-failed',
  'read-progress',
  'run-ended',
  'measured',
  'alive',
]);

const MAIN_MESSAGE_TYPES = new Set<MainToWorker['type']>([
  'install',
  'batch',
  'cancel',
  'end-run',
  'measure',
  'shutdown',
]);

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** True when a message from a worker has a known type (fields are checked where they are used). */
export function isWorkerToMain(value: unknown): value is WorkerToMain {
  return hasType(value) && WORKER_MESSAGE_TYPES.has(value.type as WorkerToMain['type']);
}

/** True when a message from the parent has a known type. */
export function isMainToWorker(value: unknown): value is MainToWorker {
  return hasType(value) && MAIN_MESSAGE_TYPES.has(value.type as MainToWorker['type']);
}

/** Turns anything thrown into a `SerializedError`. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const detail = (error as { detail?: ErrorDetail }).detail;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack ?? `${error.name}: ${error.message}`,
      ...(detail ? { detail } : {}),
    };
  }
  const message = String(error);
  return { name: 'Error', message, stack: `Error: ${message}` };
}
