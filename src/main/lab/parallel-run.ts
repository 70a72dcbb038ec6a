/**
 * One call of `Parallel`, from the first dispatch to the last result, cut
 * along joblib's seams (`parallel.py`): `dispatchOneBatch` hands the next
 * batch to the least busy worker, a `BatchCompletion` per batch does what
 * joblib's `BatchCompletionCallBack` does when the batch comes back, `abort`
 * ends the call on the first error, and `retrieve` waits for the end, which
 * the watch bounds.
 */
import type { ParallelEvent } from '../../shared/api';
import type { GlobalSummary } from '../../shared/memory';
import { MAX_TASK_SPANS, type TaskSpan } from '../../shared/report';
import type { BatchSize } from '../../shared/params';
import { formatPython } from '../../shared/python-format';
import { JoblibProgress } from '../../shared/verbose';
import type { InstallMessage, TaskCall, WorkerToMain } from '../../shared/worker-protocol';
import { CancelledError, TerminatedWorkerError, WorkerError } from './errors';
import type { WorkerExit } from './launcher';
import { isStopped, processState } from './process-state';
import type { StepHold } from './step-gate';
import { StepThrough, type SteppedRun } from './step-through';
import { TaskBatches } from './task-batches';
import type { WorkerClient } from './worker-client';
import { watchInterval, watchVerdict, type WatchLimits } from './worker-watch';

export interface RunSettings extends WatchLimits {
  nJobs: number;
  batchSize: BatchSize;
  verbose: number;
  backendName: string;
}

export interface RunCall {
  runId: number;
  install: Omit<InstallMessage, 'type' | 'runId'>;
  args: unknown[][];
  signal?: AbortSignal;
  onEvent?: (event: ParallelEvent) => void;
  /** A stepwise call: held at each step point until the next Step (see step-through.ts). */
  step?: StepHold;
}

/** What the parent knows of one worker during the call. */
interface WorkerWork {
  /** Batches sent and not yet back, oldest first: the worker runs them in this order. */
  queue: BatchCompletion[];
  taskIndexes: number[];
  received: GlobalSummary[];
  lastHeard: number;
  task: { index: number; startedAt: number } | null;
  installed: boolean;
  stoppedSince: number | null;
  /** Since when the oldest batch in `queue` is the worker's next one. */
  headSince: number;
  /** Batches sent to it in this call. */
  sent: number;
}

/**
 * joblib's `BatchCompletionCallBack`: made when a batch is dispatched, called
 * when its results come back. It stores them, counts them, tells
 * auto-batching how long the batch took, prints progress and dispatches the
 * next batch.
 */
export class BatchCompletion {
  readonly dispatchedAt = performance.now();

  constructor(
    readonly id: number,
    readonly tasks: TaskCall[],
    readonly worker: WorkerClient,
    private readonly run: ParallelRun,
  ) {}

  call(results: unknown[]): void {
    const run = this.run;
    run.storeResults(this, results);
    run.nCompletedTasks += this.tasks.length;
    run.batches.auto?.batchCompleted(
      this.tasks.length,
      (performance.now() - this.dispatchedAt) / 1000,
    );
    run.printProgress(this.tasks.length);
    const next = (): void => {
      if (run.nCompletedTasks === run.batches.total) run.finish(null);
      else run.dispatchNext();
    };
    if (!run.stepThrough) return next();
    const returned = this.tasks.map((task, i) => ({
      taskIndex: task.index,
      display: formatPython(results[i]),
    }));
    run.stepThrough.afterBatch(this.worker, returned, next);
  }
}

export class ParallelRun {
  readonly batches: TaskBatches;
  readonly log: string[] = [];
  /** The task stream: each finished task's worker, batch and time, from the first dispatch. */
  readonly taskStream: { spans: TaskSpan[]; total: number } = { spans: [], total: 0 };
  /** The clock the spans count from: the epoch in ms, as the workers time their tasks. */
  private readonly origin = performance.timeOrigin + performance.now();
  readonly results: unknown[];
  nCompletedTasks = 0;
  private readonly progress: JoblibProgress;
  private readonly preDispatch: number;
  private readonly work: Map<WorkerClient, WorkerWork>;
  private readonly cleanups: (() => void)[] = [];
  private nextBatchId = 0;
  /** Set for a stepwise call, which holds after the events a class walks through. */
  readonly stepThrough: StepThrough | null;
  private exhausted: boolean;
  private ended = false;
  private resolveEnd!: (error: Error | null) => void;
  private readonly end = new Promise<Error | null>((resolve) => (this.resolveEnd = resolve));

  constructor(
    private readonly settings: RunSettings,
    private readonly call: RunCall,
    readonly workers: readonly WorkerClient[],
  ) {
    const { nJobs, verbose } = settings;
    this.batches = new TaskBatches(call.args, settings.batchSize, nJobs);
    this.results = new Array(call.args.length);
    // joblib's pre_dispatch='2*n_jobs'; with one job everything runs in the parent's turn; stepwise, one batch at a time.
    this.preDispatch = call.step ? 1 : nJobs === 1 ? call.args.length : 2 * nJobs;
    this.stepThrough = call.step ? new StepThrough(call.step, this.stepped()) : null;
    this.progress = new JoblibProgress(nJobs, verbose, this.preDispatch, Date.now());
    this.exhausted = nJobs === 1 && !call.step;
    if (this.exhausted) this.progress.exhausted();
    const now = performance.now();
    this.work = new Map(
      workers.map((w) => [
        w,
        {
          queue: [],
          taskIndexes: [],
          received: [],
          lastHeard: now,
          task: null,
          installed: false,
          stoppedSince: null,
          headSince: now,
          sent: 0,
        },
      ]),
    );
  }

  /** Sends the code and globals, dispatches the first round, and resolves with the error that ended the call, or null. */
  async retrieve(): Promise<Error | null> {
    this.print(this.progress.usingBackend(this.settings.backendName, this.settings.nJobs));
    this.listen();
    if (this.batches.total === 0) this.finish(null);
    // The first round: up to `preDispatch` tasks, as joblib's pre_dispatch='2*n_jobs'.
    if (this.stepThrough) void this.stepThrough.start();
    else while (!this.ended && this.dispatchOneBatch(this.preDispatch));
    const error = await this.end;
    for (const cleanup of this.cleanups) cleanup();
    if (!error) this.print(this.progress.finished(this.batches.total, Date.now()));
    return error;
  }

  /** joblib's `dispatch_one_batch`: sends the next batch among the first `limit` tasks; false when there is none. */
  dispatchOneBatch(limit: number): boolean {
    const tasks = this.batches.take(limit);
    if (!tasks) return false;
    const worker = this.leastBusy();
    const work = this.workOf(worker);
    const completion = new BatchCompletion(this.nextBatchId++, tasks, worker, this);
    // A worker that was idle is heard from now on: its silence and this batch's time count from here.
    if (work.queue.length === 0) work.lastHeard = work.headSince = performance.now();
    work.queue.push(completion);
    work.sent += 1;
    this.progress.batchDispatched(tasks.length);
    worker.send({ type: 'batch', runId: this.call.runId, batchId: completion.id, tasks });
    return true;
  }

  /** joblib's `dispatch_next`: one batch for the one that came back, once the pre-dispatch round is over. */
  dispatchNext(): void {
    if (this.exhausted || this.ended) return;
    if (!this.dispatchOneBatch(this.batches.total)) {
      this.exhausted = true;
      this.progress.exhausted();
    }
  }

  /** Puts a batch's results in task order and tells the UI about each task. */
  storeResults(completion: BatchCompletion, results: unknown[]): void {
    const { worker } = completion;
    const work = this.workOf(worker);
    completion.tasks.forEach((task, i) => {
      const value = results[i];
      this.results[task.index] = value;
      work.taskIndexes.push(task.index);
      if (this.call.onEvent) {
        const display = formatPython(value);
        this.emit({
          type: 'task-done',
          taskIndex: task.index,
          slot: worker.slot,
          pid: worker.pid,
          value,
          display,
        });
      }
    });
  }

  /** joblib's `print_progress` after a batch of `size` tasks. */
  printProgress(size: number): void {
    this.print(this.progress.batchCompleted(size, Date.now()));
  }

  /** Ends the call, with null when every task is done or with the error that stopped it. */
  finish(error: Error | null): void {
    if (this.ended) return;
    this.ended = true;
    this.resolveEnd(error);
  }

  /**
   * joblib's `_abort`: ends the call with `error` and stops the workers'
   * tasks not yet started. A worker that cannot stop by itself (the culprit
   * that is stuck or over its timeout, or one stopped by a signal) is killed.
   */
  abort(error: Error, culprit: WorkerClient | null = null): void {
    if (this.ended) return;
    this.finish(error);
    for (const worker of this.workers) {
      // A stopped worker cannot hear the cancel; it would hold the end of the run.
      if (worker === culprit || worker.stopped) worker.kill();
      else worker.send({ type: 'cancel', runId: this.call.runId });
    }
  }

  private recordSpans(completion: BatchCompletion, spans: [number, number][]): void {
    const stream = this.taskStream;
    completion.tasks.forEach((task, i) => {
      const span = spans[i];
      stream.total += 1;
      if (!span || stream.spans.length >= MAX_TASK_SPANS) return;
      stream.spans.push({
        taskIndex: task.index,
        slot: completion.worker.slot,
        batchId: completion.id,
        start: span[0] - this.origin,
        end: span[1] - this.origin,
      });
    });
  }

  /** What each worker did: its tasks and the globals it received. */
  workerRecord(worker: WorkerClient): { taskIndexes: number[]; received: GlobalSummary[] } {
    const { taskIndexes, received } = this.workOf(worker);
    return { taskIndexes, received };
  }

  private listen(): void {
    for (const worker of this.workers) {
      this.cleanups.push(worker.onMessage((message) => this.onMessage(worker, message)));
      this.cleanups.push(worker.onExit((exit) => this.onExit(worker, exit)));
      // A worker that died since the pool handed it over (killed at workers-ready, say) will never say so again.
      if (worker.exit) return this.onExit(worker, worker.exit);
      // Each worker gets its own copy of the globals: postMessage clones them per worker (one at a time when stepping).
      if (!this.stepThrough)
        worker.send({ type: 'install', runId: this.call.runId, ...this.call.install });
    }
    this.listenForCancel();
    const timer = setInterval(() => this.watch(), watchInterval(this.settings));
    this.cleanups.push(() => clearInterval(timer));
  }

  private listenForCancel(): void {
    const signal = this.call.signal;
    if (!signal) return;
    const onAbort = (): void => this.abort(new CancelledError());
    // A cancel that came while the workers measured their baselines has fired already: it must not be lost.
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    this.cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }

  private onMessage(worker: WorkerClient, message: WorkerToMain): void {
    if (!('runId' in message) || message.runId !== this.call.runId || this.ended) return;
    const work = this.workOf(worker);
    work.lastHeard = performance.now();
    if (this.stepThrough?.defer(worker, message, () => this.handle(worker, message))) return;
    this.handle(worker, message);
  }

  /** What a worker's message does to the call. */
  private handle(worker: WorkerClient, message: WorkerToMain): void {
    if (!('runId' in message) || this.ended) return;
    const work = this.workOf(worker);
    const who = { slot: worker.slot, pid: worker.pid };
    switch (message.type) {
      case 'installed':
        work.received = message.received;
        work.installed = true;
        return this.emit({ type: 'installed', ...who, received: message.received });
      case 'task-started':
        work.task = { index: message.taskIndex, startedAt: work.lastHeard };
        return this.emit({ type: 'task-started', taskIndex: message.taskIndex, ...who });
      case 'read-progress':
        return this.emit({ ...message, type: 'read-progress', ...who });
      case 'task-failed':
        if (message.batchId !== -1) work.taskIndexes.push(message.taskIndex);
        return this.abort(new WorkerError(worker.pid, message.taskIndex, message.error));
      case 'batch-done': {
        const position = work.queue.findIndex((b) => b.id === message.batchId);
        if (position < 0) return;
        const [completion] = work.queue.splice(position, 1);
        work.task = null;
        work.headSince = work.lastHeard;
        if (completion) this.recordSpans(completion, message.spans);
        return completion?.call(message.results);
      }
    }
  }

  private onExit(worker: WorkerClient, exit: WorkerExit): void {
    const work = this.workOf(worker);
    const running = work.task?.index ?? work.queue[0]?.tasks[0]?.index ?? null;
    const { code, signal, reason } = exit;
    this.abort(new TerminatedWorkerError(worker.pid, code, signal, running, reason ?? null));
  }

  /** Ends the call when a busy worker ran past the timeout or went silent; not while a stepwise call holds for the class. */
  private watch(): void {
    if (this.stepThrough?.holding) return;
    const now = performance.now();
    for (const [worker, work] of this.work) {
      if (work.queue.length === 0 || !worker.alive) continue;
      const state = processState(worker.pid);
      work.stoppedSince = isStopped(state) ? (work.stoppedSince ?? now) : null;
      const busy = {
        pid: worker.pid,
        lastHeard: work.lastHeard,
        task: work.task,
        oldestTask: work.queue[0]?.tasks[0]?.index ?? null,
        headSince: work.headSince,
        receiving: !work.installed,
        state,
        stoppedSince: work.stoppedSince,
      };
      const verdict = watchVerdict(busy, now, this.settings);
      if (verdict) return this.abort(verdict, worker);
    }
  }

  /** The worker with the fewest batches out; of equals, the one sent fewest so far (so a stepwise call takes turns). */
  private leastBusy(): WorkerClient {
    const load = (w: WorkerClient): [number, number] => {
      const work = this.workOf(w);
      return [work.queue.length, work.sent];
    };
    return this.workers.reduce((best, w) => {
      const [queued, sent] = load(w);
      const [bestQueued, bestSent] = load(best);
      return queued < bestQueued || (queued === bestQueued && sent < bestSent) ? w : best;
    });
  }

  /** What a stepwise call drives: the workers, the code to send, the end, and one dispatch. */
  private stepped(): SteppedRun {
    return {
      workers: this.workers,
      install: this.call.install,
      runId: this.call.runId,
      args: this.call.args,
      ended: this.end,
      isEnded: () => this.ended,
      dispatchOne: () => void this.dispatchOneBatch(this.preDispatch),
    };
  }

  private workOf(worker: WorkerClient): WorkerWork {
    const work = this.work.get(worker);
    if (!work) throw new Error(`worker ${worker.slot} is not part of this call`);
    return work;
  }

  private emit(event: ParallelEvent): void {
    this.call.onEvent?.(event);
  }

  private print(line: string | null): void {
    if (line === null) return;
    this.log.push(line);
    this.emit({ type: 'log', line });
  }
}
