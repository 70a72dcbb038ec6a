/**
 * The worker process. The parent sends it the code of a task and its own copy
 * of the globals the code uses, then batches of tasks; it runs them in order
 * and answers with results, errors, progress and its memory figures.
 *
 * One file for every host: Electron starts it with utilityProcess.fork, the
 * browser host, the CLI and the tests with child_process.fork.
 */
import { deserialize, serialize } from 'node:v8';
import type { GlobalSummary } from '../shared/memory';
import type { ReadRecord } from '../shared/report';
import {
  HEARTBEAT_MS,
  parseMainMessage,
  serializeError,
  type BatchMessage,
  type InstallMessage,
  type MainToWorker,
} from '../shared/worker-protocol';
import { datasetBytesOf, summarizeGlobal } from '../shared/globals';
import { pythonTuple } from '../shared/python-format';
import { readExcelChunk, type ChunkReadOptions } from './excel-reader';
import {
  collectGarbage,
  countOpenXlsxHandles,
  measureMemory,
  peakRssSinceReset,
  resetPeakRss,
  settleMemory,
} from './memory';
import { connectToParent } from './port';
import { runThreads, sharedDataset } from './threads';
import { compileTask, freezeGlobal, sum, type TaskFunction } from './task-runtime';

interface RunState {
  runId: number;
  task: TaskFunction;
  received: GlobalSummary[];
  /** The received globals, kept alive for the whole run (they are this worker's copy). */
  globals: Record<string, unknown>;
  /** Chunks read from the workbook during the run, kept as the tutorial's `my_local_df` would be. */
  readChunks: Float64Array[];
  announceStarts: boolean;
  /** The task running now, so that read progress can name it. */
  currentTask: number;
  /** How each chunk was read. */
  reads: ReadRecord[];
  /** The largest resident set seen by sampling during the run (VmHWM, exact, is added at its end where Linux gives it). */
  peakRss: number;
  /** The datasets the run's threads shared (one copy each, in this process), kept until the run's end is measured. */
  shared: SharedArrayBuffer[];
}

const parent = connectToParent();
if (!parent) {
  process.stderr.write(
    'This is an Isolation Lab worker: the lab starts it, it does not run on its own.\n',
  );
  process.exit(2);
}
const link = parent;

let run: RunState | null = null;
/**
 * The functions "imported from a module": compiled once in this worker, with
 * the module's globals as their own, and kept for the worker's life, as
 * Python keeps an imported module in sys.modules.
 */
const modules = new Map<string, TaskFunction>();

/** The task for an install: compiled with the globals bound as the lesson says, or this worker's module's. */
function taskFor(
  message: InstallMessage,
  globals: Record<string, unknown>,
  helpers: Record<string, unknown>,
): TaskFunction {
  const { taskName, taskSource, bindings } = message;
  if (bindings !== 'module') return compileTask(taskName, taskSource, globals, helpers, bindings);
  const key = `${taskName}\n${taskSource}`;
  const imported =
    modules.get(key) ?? compileTask(taskName, taskSource, globals, helpers, 'module');
  modules.set(key, imported);
  return imported;
}
const cancelledRuns = new Set<number>();
/** Install, batch and end-run messages run one after another; cancel, measure and shutdown act at once. */
let queue: Promise<void> = Promise.resolve();

/**
 * What a task's code may call besides its globals: the notebook's `sum`,
 * `os.getpid`, `time.sleep` and tuples, the lab's streaming `read_excel`,
 * and the shared-memory lesson's `threads`. Each records what the run's
 * end reports (chunks read, the shared dataset).
 */
function taskHelpers(state: RunState): Record<string, unknown> {
  const runId = state.runId;
  return {
    sum,
    getpid: () => process.pid,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    tuple: (...items: unknown[]) => pythonTuple(items),
    threads: async (call: {
      n_threads: number;
      rows: number;
      increments: number;
      MY_GLOBAL_VAR: number;
    }) => {
      // The one shared copy of the dataset is this process's: kept, and counted, to the run's end.
      const dataset = sharedDataset(call.rows);
      state.shared.push(dataset);
      return await runThreads(
        {
          threads: call.n_threads,
          rows: call.rows,
          increments: call.increments,
          MY_GLOBAL_VAR: call.MY_GLOBAL_VAR,
        },
        dataset,
      );
    },
    read_excel: async (file: string, options: ChunkReadOptions) => {
      const taskIndex = state.currentTask;
      const { chunk, stats } = await readExcelChunk(file, {
        ...options,
        onProgress: (rowsRead) => {
          state.peakRss = Math.max(state.peakRss, process.memoryUsage.rss());
          link.send({
            type: 'read-progress',
            runId,
            taskIndex,
            rowsRead,
            rowsWanted: options.nrows,
          });
        },
        isCancelled: () => cancelledRuns.has(runId),
      });
      state.readChunks.push(chunk.my_data);
      state.reads.push({ taskIndex, rows: chunk.shape[0], ...stats });
      return chunk;
    },
  };
}

function install(message: InstallMessage): void {
  const globals: Record<string, unknown> = {};
  const received: GlobalSummary[] = [];
  for (const [name, value] of Object.entries(message.globals)) {
    globals[name] = freezeGlobal(value);
    received.push(summarizeGlobal(name, value));
  }
  const runId = message.runId;
  const state: RunState = {
    runId,
    task: () => undefined,
    received,
    globals,
    readChunks: [],
    announceStarts: message.announceStarts,
    currentTask: -1,
    reads: [],
    peakRss: process.memoryUsage.rss(),
    shared: [],
  };
  const helpers = taskHelpers(state);
  state.task = taskFor(message, globals, helpers);
  run = state;
  link.send({ type: 'installed', runId, received, memory: measureMemory() });
}

async function runBatch(message: BatchMessage): Promise<void> {
  const state = run;
  if (!state || state.runId !== message.runId || cancelledRuns.has(message.runId)) return;
  const started = performance.now();
  const results: unknown[] = [];
  const spans: [number, number][] = [];
  for (const call of message.tasks) {
    if (cancelledRuns.has(message.runId)) return;
    if (performance.now() - link.lastSent >= HEARTBEAT_MS)
      link.send({ type: 'alive', runId: message.runId });
    state.currentTask = call.index;
    if (state.announceStarts)
      link.send({ type: 'task-started', runId: message.runId, taskIndex: call.index });
    try {
      const begin = performance.timeOrigin + performance.now();
      let value = state.task(...call.args);
      if (value instanceof Promise) value = await value;
      results.push(value);
      spans.push([begin, performance.timeOrigin + performance.now()]);
    } catch (error) {
      link.send({
        type: 'task-failed',
        runId: message.runId,
        batchId: message.batchId,
        taskIndex: call.index,
        error: serializeError(error),
      });
      return;
    }
  }
  link.send({
    type: 'batch-done',
    runId: message.runId,
    batchId: message.batchId,
    results,
    durationMs: performance.now() - started,
    spans,
  });
}

async function endRun(runId: number): Promise<void> {
  const state = run && run.runId === runId ? run : null;
  let datasetBytes = 0;
  if (state) {
    for (const value of Object.values(state.globals)) datasetBytes += datasetBytesOf(value);
    for (const chunk of state.readChunks) datasetBytes += chunk.byteLength;
    for (const dataset of state.shared) datasetBytes += dataset.byteLength;
  }
  const peakRss = Math.max(
    state?.peakRss ?? 0,
    process.memoryUsage.rss(),
    peakRssSinceReset() ?? 0,
  );
  await settleMemory();
  const memory = measureMemory();
  link.send({
    type: 'run-ended',
    runId,
    memory,
    datasetBytes,
    openXlsxHandles: countOpenXlsxHandles(),
    peakRss,
    reads: state?.reads ?? [],
  });
  // Drop the run's data only after measuring it: the figures show what the worker held.
  if (state) run = null;
  // The next run's peak starts here, so it includes receiving that run's data.
  resetPeakRss();
  cancelledRuns.delete(runId);
}

function handle(message: MainToWorker): void {
  switch (message.type) {
    case 'cancel':
      cancelledRuns.add(message.runId);
      return;
    case 'measure':
      if (!message.settle) {
        link.send({ type: 'measured', requestId: message.requestId, memory: measureMemory() });
        return;
      }
      queue = queue.then(async () => {
        await settleMemory();
        link.send({ type: 'measured', requestId: message.requestId, memory: measureMemory() });
      });
      return;
    case 'shutdown':
      process.exit(0);
      return;
    case 'install':
      queue = queue.then(() => {
        try {
          install(message);
        } catch (error) {
          link.send({
            type: 'task-failed',
            runId: message.runId,
            batchId: -1,
            taskIndex: -1,
            error: serializeError(error),
          });
        }
      });
      return;
    case 'batch':
      queue = queue.then(() => runBatch(message));
      return;
    case 'end-run':
      queue = queue.then(() => endRun(message.runId));
      return;
  }
}

link.onMessage((value) => {
  const message = parseMainMessage(value);
  if (message) handle(message);
});

/**
 * Runs, once and on a small sample, every path a run takes (deserializing a
 * message with a typed array, compiling and calling a task, describing
 * globals, measuring), so that their one-time costs (compiled code, V8's
 * caches) are paid before the baseline and do not count as data.
 */
function warmUp(): void {
  const sample = new Float64Array(4096).map((_, i) => i);
  const copy = deserialize(serialize({ globals: { my_global_df: { my_data: sample } } })) as {
    globals: Record<string, unknown>;
  };
  const task = compileTask(
    'warm_up',
    'function warm_up(start, end) { return sum(my_global_df.my_data.subarray(start, end)); }',
    copy.globals,
    { sum },
  );
  task(0, sample.length);
  summarizeGlobal('my_global_df', copy.globals.my_global_df);
  datasetBytesOf(copy.globals.my_global_df);
  serializeError(new Error('warm-up'));
  measureMemory();
  countOpenXlsxHandles();
}

// The modules every lesson needs are loaded by now: warm up, then report ready with a first
// baseline. One collection is enough here: each run measures its own settled
// baseline before its data is sent.
warmUp();
collectGarbage();
resetPeakRss();
link.send({
  type: 'ready',
  pid: process.pid,
  baseline: measureMemory(),
  nodeVersion: process.versions.node,
});
