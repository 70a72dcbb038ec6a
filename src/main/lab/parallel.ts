/**
 * joblib's `Parallel` over the lab's worker pool: `nJobs` workers, batches of
 * `batchSize` tasks (or joblib's automatic sizing), `verbose` progress lines,
 * results in task order. The first error in a worker cancels the tasks not yet
 * started and is re-raised here with the worker's stack, pid and task index; a
 * worker that dies ends the run with a terminated-worker error. Every wait has
 * a bound: joblib's `timeout` per task when one is set, and always a bound on
 * how long a busy worker may stay silent, so a run always ends. The call
 * itself, batch by batch, is `ParallelRun`.
 */
import type { GlobalSummary, MemorySnapshot } from '../../shared/memory';
import type { ReadRecord, TaskSpan } from '../../shared/report';
import type { BatchSize } from '../../shared/params';
import { CancelledError } from './errors';
import { ParallelRun, type RunCall } from './parallel-run';
import type { WorkerPool } from './pool';
import type { WorkerClient } from './worker-client';
import { STALL_MS } from './worker-watch';

/** How long a worker may take to report its figures after a run before it is killed. */
export const END_RUN_TIMEOUT_MS = 10_000;
/** How long a cancelled worker may take to stop its task before it is killed. */
export const CANCEL_GRACE_MS = 2_000;

export interface ParallelOptions {
  /** joblib's `n_jobs`: how many worker processes. */
  nJobs: number;
  /** joblib's `batch_size`: tasks per batch, or `'auto'`. */
  batchSize: BatchSize;
  /** joblib's `verbose`: 0 silent, 10 progress lines, above 10 every batch. */
  verbose: number;
  /** joblib's `timeout`: seconds a task may run; null (the default) for no limit. */
  timeout?: number | null;
  /** How long a busy worker may stay silent before the run ends (default STALL_MS). */
  stallMs?: number;
}

export type ParallelCall = RunCall;

export interface ParallelWorkerOutcome {
  slot: number;
  pid: number;
  taskIndexes: number[];
  received: GlobalSummary[];
  baseline: MemorySnapshot;
  after: MemorySnapshot | null;
  datasetBytes: number;
  openXlsxHandles: number | null;
  peakRss: number | null;
  reads: ReadRecord[];
}

export interface ParallelOutcome {
  results: unknown[] | null;
  error: Error | null;
  workers: ParallelWorkerOutcome[];
  poolStartMs: number;
  runMs: number;
  log: string[];
  taskStream: { spans: TaskSpan[]; total: number };
}

/** The outcome of a run that ended before any worker took part (cancelled, or a failed setup). */
export function stoppedOutcome(error: Error): ParallelOutcome {
  return {
    results: null,
    error,
    workers: [],
    poolStartMs: 0,
    runMs: 0,
    log: [],
    taskStream: { spans: [], total: 0 },
  };
}

export class Parallel {
  constructor(
    private readonly pool: WorkerPool,
    private readonly options: ParallelOptions,
  ) {}

  /** Runs every task and resolves with the outcome; a failed run resolves too, with `error` set. */
  async run(call: ParallelCall): Promise<ParallelOutcome> {
    if (call.signal?.aborted) return stoppedOutcome(new CancelledError());
    const { nJobs } = this.options;
    const { workers, startMs } = await this.pool.ensure(nJobs);
    call.onEvent?.({
      type: 'workers-ready',
      workers: workers.map((w) => ({ slot: w.slot, pid: w.pid })),
      startMs,
    });
    // This run's baseline: each worker as it is now, before the run's data arrives.
    const baselines = await Promise.all(workers.map((w) => w.measure(true)));

    const started = performance.now();
    const timeoutMs = this.options.timeout ? this.options.timeout * 1000 : null;
    // A timeout counts from each task's start, so the workers must announce them.
    const install = {
      ...call.install,
      // A stepwise call holds at each task's start, so it must hear of it too.
      announceStarts: call.install.announceStarts || timeoutMs !== null || call.step !== undefined,
    };
    const run = new ParallelRun(
      {
        ...this.options,
        backendName: this.pool.backendName,
        timeoutMs,
        stallMs: this.options.stallMs ?? STALL_MS,
      },
      { ...call, install },
      workers,
    );
    const error = await run.retrieve();
    const runMs = performance.now() - started;
    const grace = error ? CANCEL_GRACE_MS + END_RUN_TIMEOUT_MS : END_RUN_TIMEOUT_MS;
    const ends = await Promise.all(workers.map((w) => this.endRun(w, call.runId, grace)));
    return {
      results: error ? null : run.results,
      error,
      workers: workers.map((worker, i) => ({
        slot: worker.slot,
        pid: worker.pid,
        ...run.workerRecord(worker),
        baseline: baselines[i] ?? (worker.baseline as MemorySnapshot),
        ...(ends[i] ?? NO_FIGURES),
      })),
      poolStartMs: startMs,
      runMs,
      log: run.log,
      taskStream: run.taskStream,
    };
  }

  /** Asks a worker for its end-of-run figures; one that does not answer in time is killed. */
  private endRun(worker: WorkerClient, runId: number, timeoutMs: number): Promise<EndOfRun> {
    if (!worker.alive) return Promise.resolve(NO_FIGURES);
    return new Promise((resolve) => {
      const done = (value: EndOfRun): void => {
        clearTimeout(timer);
        offMessage();
        offExit();
        resolve(value);
      };
      const timer = setTimeout(() => {
        worker.kill();
        done(NO_FIGURES);
      }, timeoutMs);
      const offMessage = worker.onMessage((message) => {
        if (message.type === 'run-ended' && message.runId === runId) {
          const { memory: after, datasetBytes, openXlsxHandles, peakRss, reads } = message;
          done({ after, datasetBytes, openXlsxHandles, peakRss, reads });
        }
      });
      const offExit = worker.onExit(() => done(NO_FIGURES));
      worker.send({ type: 'end-run', runId });
    });
  }
}

/** What a worker reports at the end of a run. */
type EndOfRun = Pick<
  ParallelWorkerOutcome,
  'after' | 'datasetBytes' | 'openXlsxHandles' | 'peakRss' | 'reads'
>;

/** The figures of a worker that died or did not answer. */
const NO_FIGURES: EndOfRun = {
  after: null,
  datasetBytes: 0,
  openXlsxHandles: null,
  peakRss: null,
  reads: [],
};
