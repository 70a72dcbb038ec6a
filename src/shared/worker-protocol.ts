/**
 * The messages between the main process and a worker: one source of truth for
 * both ends. They travel by structured clone (Node's `serialization:
 * 'advanced'`, or Electron's utilityProcess), so typed arrays such as the
 * dataset arrive as real copies. Each side parses what it receives with the
 * schemas below before acting on it, and drops what does not fit.
 */
import { z } from 'zod/mini';
import { errorDetailSchema, type ErrorDetail } from './error-detail';
import { LESSON_IDS } from './lessons';
import { globalSummarySchema, memorySnapshotSchema } from './memory';
import { readRecordSchema } from './report';

/** An error raised in a worker, in a form that survives the trip to the parent. */
export const serializedErrorSchema = z.strictObject({
  name: z.string(),
  message: z.string(),
  stack: z.string(),
  /** What it means as a code with values, for the UI's language (the lab's own errors have one). */
  detail: z.optional(errorDetailSchema),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;

const runId = z.int();

/** What the parent sends before a run's first task: the code and the copies of the globals it uses. */
export const installMessageSchema = z.strictObject({
  type: z.literal('install'),
  runId,
  experiment: z.enum(LESSON_IDS),
  taskName: z.string(),
  taskSource: z.string(),
  /** Values of the globals the task refers to; each worker gets its own copy (structured clone). */
  globals: z.record(z.string(), z.unknown()),
  /** Send `task-started` before each task (the UI and joblib's timeout want it; the CLI does not). */
  announceStarts: z.boolean(),
  /**
   * How the worker binds the globals (see worker/task-runtime.ts): `const`
   * copies, a fresh copy per task (a notebook function that writes its
   * globals), or the worker's module, kept from run to run.
   */
  bindings: z.enum(['const', 'per-task', 'module']),
});
export type InstallMessage = z.infer<typeof installMessageSchema>;

export const taskCallSchema = z.strictObject({
  /** Position of the task in the run; results come back in this order. */
  index: z.int(),
  args: z.array(z.unknown()),
});
export type TaskCall = z.infer<typeof taskCallSchema>;

export const batchMessageSchema = z.strictObject({
  type: z.literal('batch'),
  runId,
  batchId: z.int(),
  tasks: z.array(taskCallSchema),
});
export type BatchMessage = z.infer<typeof batchMessageSchema>;

export const mainToWorkerSchema = z.discriminatedUnion('type', [
  installMessageSchema,
  batchMessageSchema,
  z.strictObject({ type: z.literal('cancel'), runId }),
  z.strictObject({ type: z.literal('end-run'), runId }),
  /** `settle`: collect garbage first and wait its turn after earlier messages (for a baseline); otherwise answer at once (for sampling). */
  z.strictObject({ type: z.literal('measure'), requestId: z.int(), settle: z.boolean() }),
  z.strictObject({ type: z.literal('shutdown') }),
]);
export type MainToWorker = z.infer<typeof mainToWorkerSchema>;

/**
 * A worker busy with a long batch says it is alive at least this often
 * (between tasks), so that the parent can tell a slow batch from a stopped or
 * stuck worker.
 */
export const HEARTBEAT_MS = 1_000;

export const workerToMainSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ready'),
    pid: z.int(),
    baseline: memorySnapshotSchema,
    nodeVersion: z.string(),
  }),
  z.strictObject({
    type: z.literal('installed'),
    runId,
    received: z.array(globalSummarySchema),
    memory: memorySnapshotSchema,
  }),
  z.strictObject({ type: z.literal('task-started'), runId, taskIndex: z.int() }),
  z.strictObject({
    type: z.literal('batch-done'),
    runId,
    batchId: z.int(),
    results: z.array(z.unknown()),
    durationMs: z.number(),
    /** Each task's start and end, in ms since the epoch (performance.timeOrigin + now(): comparable across processes on one machine). */
    spans: z.array(z.tuple([z.number(), z.number()])),
  }),
  z.strictObject({
    type: z.literal('task-failed'),
    runId,
    /** -1 when installing the task failed, before any batch. */
    batchId: z.int(),
    taskIndex: z.int(),
    error: serializedErrorSchema,
  }),
  z.strictObject({
    type: z.literal('read-progress'),
    runId,
    taskIndex: z.int(),
    rowsRead: z.number(),
    rowsWanted: z.number(),
  }),
  z.strictObject({
    type: z.literal('run-ended'),
    runId,
    memory: memorySnapshotSchema,
    /** Bytes of dataset this worker held at the end of the run (received globals and rows it read). */
    datasetBytes: z.number(),
    /** How many file handles of the worker still point at an .xlsx file (0 unless a reader leaked one). */
    openXlsxHandles: z.nullable(z.number()),
    /** The largest resident set the worker reached during the run (sampled while reading). */
    peakRss: z.number(),
    /** How each chunk was read (Excel lesson only). */
    reads: z.array(readRecordSchema),
  }),
  z.strictObject({
    type: z.literal('measured'),
    requestId: z.int(),
    memory: memorySnapshotSchema,
  }),
  /** Sent between tasks when the worker has said nothing for HEARTBEAT_MS. */
  z.strictObject({ type: z.literal('alive'), runId }),
]);
export type WorkerToMain = z.infer<typeof workerToMainSchema>;

/** A message from a worker, parsed; null (and dropped) when it is not one the protocol knows. */
export function parseWorkerMessage(value: unknown): WorkerToMain | null {
  const parsed = workerToMainSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A message from the parent, parsed; null (and dropped) when it is not one the protocol knows. */
export function parseMainMessage(value: unknown): MainToWorker | null {
  const parsed = mainToWorkerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
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
