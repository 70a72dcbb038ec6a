/**
 * joblib's `Parallel` over the lab's worker pool: `nJobs` workers, batches of
 * `batchSize` tasks (or joblib's automatic sizing), `verbose` progress lines,
 * results in task order. The first error in a worker cancels the tasks not yet
 * started and is re-raised here with the worker's stack, pid and task index; a
 * worker that dies ends the run with a terminated-worker error. Every wait has
 * a bound, so a run always ends.
 */
import type { ParallelEvent } from '../../shared/api';
import type { GlobalSummary, MemorySnapshot } from '../../shared/memory';
import type { ReadRecord } from '../../shared/report';
import type { BatchSize } from '../../shared/params';
import { formatPython } from '../../shared/python-format';
import { JoblibProgress } from '../../shared/verbose';
import type { InstallMessage, TaskCall, WorkerToMain } from '../../shared/worker-protocol';
import { AutoBatching } from './auto-batching';
import { CancelledError, TerminatedWorkerError, WorkerError } from './errors';
import type { WorkerPool } from './pool';
import type { WorkerClient } from './worker-client';

/** How long a worker may take to report its figures after a run before it is killed. */
export const END_RUN_TIMEOUT_MS = 10_000;
/** How long a cancelled worker may take to stop its task before it is killed. */
export const CANCEL_GRACE_MS = 2_000;

export interface ParallelOptions {
  nJobs: number;
  batchSize: BatchSize;
  verbose: number;
}

export interface ParallelCall {
  runId: number;
  /** The task's code and the globals that travel with it. */
  install: Omit<InstallMessage, 'type' | 'runId'>;
  /** Arguments of each task, in task order. */
  args: unknown[][];
  signal?: AbortSignal;
  onEvent?: (event: ParallelEvent) => void;
}

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
}

interface Batch {
  id: number;
  tasks: TaskCall[];
  dispatchedAt: number;
}

export class Parallel {
  constructor(
    private readonly pool: WorkerPool,
    private readonly options: ParallelOptions,
  ) {}

  /** Runs every task and resolves with the outcome; a failed run resolves too, with `error` set. */
  async run(call: ParallelCall): Promise<ParallelOutcome> {
    const { nJobs, verbose } = this.options;
    const log: string[] = [];
    const emit = (event: ParallelEvent): void => call.onEvent?.(event);
    const print = (line: string | null): void => {
      if (line === null) return;
      log.push(line);
      emit({ type: 'log', line });
    };

    if (call.signal?.aborted) {
      return {
        results: null,
        error: new CancelledError(),
        workers: [],
        poolStartMs: 0,
        runMs: 0,
        log,
      };
    }
    const { workers, startMs } = await this.pool.ensure(nJobs);
    emit({
      type: 'workers-ready',
      workers: workers.map((w) => ({ slot: w.slot, pid: w.pid })),
      startMs,
    });
    // This run's baseline: each worker as it is now, before the run's data arrives.
    const baselines = await Promise.all(workers.map((w) => w.measure(true)));

    const started = performance.now();
    const total = call.args.length;
    const preDispatch = nJobs === 1 ? total : 2 * nJobs;
    const progress = new JoblibProgress(nJobs, verbose, preDispatch, Date.now());
    print(progress.usingBackend(this.pool.backendName, nJobs));

    const results: unknown[] = new Array(total);
    const taskIndexes = new Map<WorkerClient, number[]>(workers.map((w) => [w, []]));
    const received = new Map<WorkerClient, GlobalSummary[]>();
    const inFlight = new Map<WorkerClient, Batch[]>(workers.map((w) => [w, []]));
    const auto = this.options.batchSize === 'auto' ? new AutoBatching() : null;
    const readyBatches: TaskCall[][] = [];
    let nextTask = 0;
    let nextBatchId = 0;
    let completed = 0;
    let exhausted = nJobs === 1;
    if (exhausted) progress.exhausted();

    const cleanups: (() => void)[] = [];
    let settle!: (error: Error | null) => void;
    const finished = new Promise<Error | null>((resolve) => (settle = resolve));
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      settle(error);
    };

    /** joblib's `dispatch_one_batch`: takes tasks up to `limit` (the pre-dispatch slice) or to the end. */
    const takeBatch = (limit: number): TaskCall[] | null => {
      if (readyBatches.length) return readyBatches.shift() ?? null;
      const available = Math.min(limit, total) - nextTask;
      if (available <= 0) return null;
      const take = (n: number): TaskCall[] => {
        const tasks: TaskCall[] = [];
        for (let i = 0; i < n && nextTask < total; i += 1, nextTask += 1)
          tasks.push({ index: nextTask, args: call.args[nextTask] ?? [] });
        return tasks;
      };
      if (!auto) return take(Math.min(this.options.batchSize as number, available));
      const size = auto.computeBatchSize();
      const big = take(Math.min(size * nJobs, available));
      const atEnd = limit >= total && big.length < size * nJobs;
      const finalSize = Math.max(1, Math.floor(big.length / (atEnd ? 10 * nJobs : nJobs)));
      for (let i = 0; i < big.length; i += finalSize)
        readyBatches.push(big.slice(i, i + finalSize));
      return readyBatches.shift() ?? null;
    };

    const dispatch = (tasks: TaskCall[]): void => {
      const worker = workers.reduce((best, w) =>
        (inFlight.get(w)?.length ?? 0) < (inFlight.get(best)?.length ?? 0) ? w : best,
      );
      const batch: Batch = { id: nextBatchId++, tasks, dispatchedAt: performance.now() };
      inFlight.get(worker)?.push(batch);
      progress.batchDispatched(tasks.length);
      worker.send({ type: 'batch', runId: call.runId, batchId: batch.id, tasks });
    };

    const dispatchNext = (): void => {
      if (exhausted || settled) return;
      const tasks = takeBatch(total);
      if (tasks) dispatch(tasks);
      else {
        exhausted = true;
        progress.exhausted();
      }
    };

    const onMessage = (worker: WorkerClient) => (message: WorkerToMain) => {
      if (!('runId' in message) || message.runId !== call.runId || settled) return;
      const queue = inFlight.get(worker) ?? [];
      switch (message.type) {
        case 'installed':
          received.set(worker, message.received);
          emit({
            type: 'installed',
            slot: worker.slot,
            pid: worker.pid,
            received: message.received,
          });
          return;
        case 'task-started':
          emit({
            type: 'task-started',
            taskIndex: message.taskIndex,
            slot: worker.slot,
            pid: worker.pid,
          });
          return;
        case 'read-progress':
          emit({ ...message, type: 'read-progress', slot: worker.slot, pid: worker.pid });
          return;
        case 'task-failed':
          if (message.batchId === -1) {
            finish(new WorkerError(worker.pid, message.taskIndex, message.error));
            return;
          }
          taskIndexes.get(worker)?.push(message.taskIndex);
          finish(new WorkerError(worker.pid, message.taskIndex, message.error));
          return;
        case 'batch-done': {
          const position = queue.findIndex((b) => b.id === message.batchId);
          const batch = position >= 0 ? queue.splice(position, 1)[0] : undefined;
          if (!batch) return;
          batch.tasks.forEach((task, i) => {
            results[task.index] = message.results[i];
            taskIndexes.get(worker)?.push(task.index);
            if (call.onEvent) {
              const value = message.results[i];
              emit({
                type: 'task-done',
                taskIndex: task.index,
                slot: worker.slot,
                pid: worker.pid,
                value,
                display: formatPython(value),
              });
            }
          });
          completed += batch.tasks.length;
          auto?.batchCompleted(batch.tasks.length, (performance.now() - batch.dispatchedAt) / 1000);
          print(progress.batchCompleted(batch.tasks.length, Date.now()));
          if (completed === total) finish(null);
          else dispatchNext();
          return;
        }
      }
    };

    for (const worker of workers) {
      cleanups.push(worker.onMessage(onMessage(worker)));
      cleanups.push(
        worker.onExit((exit) => {
          const running = inFlight.get(worker)?.[0]?.tasks[0]?.index ?? null;
          finish(new TerminatedWorkerError(worker.pid, exit.code, exit.signal, running));
        }),
      );
      // Each worker gets its own copy of the globals: postMessage clones them per worker.
      worker.send({ type: 'install', runId: call.runId, ...call.install });
    }
    if (call.signal) {
      const onAbort = (): void => finish(new CancelledError());
      // A cancel that came while the workers measured their baselines (an
      // await above) has already fired its event: it must not be lost.
      if (call.signal.aborted) onAbort();
      else {
        call.signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => call.signal?.removeEventListener('abort', onAbort));
      }
    }

    if (total === 0) finish(null);
    // The first round: up to `preDispatch` tasks, as joblib's pre_dispatch='2*n_jobs'.
    for (let tasks = takeBatch(preDispatch); tasks && !settled; tasks = takeBatch(preDispatch))
      dispatch(tasks);

    const error = await finished;
    const runMs = performance.now() - started;
    for (const cleanup of cleanups) cleanup();
    if (error) {
      for (const worker of workers) worker.send({ type: 'cancel', runId: call.runId });
    } else {
      print(progress.finished(total, Date.now()));
    }

    const outcomes = await Promise.all(
      workers.map((worker) =>
        this.endRun(
          worker,
          call.runId,
          error ? CANCEL_GRACE_MS + END_RUN_TIMEOUT_MS : END_RUN_TIMEOUT_MS,
        ),
      ),
    );
    return {
      results: error ? null : results,
      error,
      workers: workers.map((worker, i) => ({
        slot: worker.slot,
        pid: worker.pid,
        taskIndexes: taskIndexes.get(worker) ?? [],
        received: received.get(worker) ?? [],
        baseline: baselines[i] ?? (worker.baseline as MemorySnapshot),
        ...(outcomes[i] ?? NO_FIGURES),
      })),
      poolStartMs: startMs,
      runMs,
      log,
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
