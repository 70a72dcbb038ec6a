/**
 * Parallel's dispatching, on workers that are plain objects: a fake Launcher
 * whose workers answer as the real worker does, or hold a batch, fail, die or
 * go silent when a test says so. The same rules run against real processes in
 * failures.test.ts and lessons.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ParallelEvent } from '../../shared/api';
import type { MemorySnapshot } from '../../shared/memory';
import type { BatchMessage, MainToWorker, WorkerToMain } from '../../shared/worker-protocol';
import { StalledWorkerError, TaskTimeoutError, TerminatedWorkerError, WorkerError } from './errors';
import type { Launcher, WorkerExit, WorkerHandle } from './launcher';
import { Parallel, type ParallelOptions } from './parallel';
import { WorkerPool } from './pool';

const MEMORY: MemorySnapshot = {
  at: 0,
  rss: 1,
  heapUsed: 1,
  heapTotal: 1,
  external: 0,
  arrayBuffers: 0,
  uss: null,
  pss: null,
};

/** Pids above the kernel's pid_max (2^22): /proc never has them, so no real process is read. */
let nextPid = 10_000_000;

/** What a fake worker does with a batch; the default answers at once with each task's first argument × 10. */
type BatchBehaviour = (worker: FakeWorker, batch: BatchMessage) => void;

class FakeWorker implements WorkerHandle {
  readonly pid = nextPid++;
  readonly received: MainToWorker[] = [];
  private messageListener: (message: unknown) => void = () => undefined;
  private exitListener: (exit: WorkerExit) => void = () => undefined;
  private dead = false;

  constructor(private readonly onBatch: BatchBehaviour) {
    setImmediate(() =>
      this.reply({ type: 'ready', pid: this.pid, baseline: MEMORY, nodeVersion: 'fake' }),
    );
  }

  reply(message: WorkerToMain): void {
    if (!this.dead) this.messageListener(message);
  }

  die(exit: WorkerExit): void {
    if (this.dead) return;
    this.dead = true;
    setImmediate(() => this.exitListener(exit));
  }

  batches(): BatchMessage[] {
    return this.received.filter((m): m is BatchMessage => m.type === 'batch');
  }

  answer(batch: BatchMessage): void {
    const results = batch.tasks.map((task) => (task.args[0] as number) * 10);
    this.reply({
      type: 'batch-done',
      runId: batch.runId,
      batchId: batch.batchId,
      results,
      durationMs: 0,
      spans: batch.tasks.map((): [number, number] => [0, 0]),
    });
  }

  postMessage(message: MainToWorker): void {
    if (this.dead) return;
    this.received.push(message);
    const later = (answer: WorkerToMain): void => void setImmediate(() => this.reply(answer));
    switch (message.type) {
      case 'measure':
        return later({ type: 'measured', requestId: message.requestId, memory: MEMORY });
      case 'install':
        return later({ type: 'installed', runId: message.runId, received: [], memory: MEMORY });
      case 'batch':
        return void setImmediate(() => this.onBatch(this, message));
      case 'end-run':
        return later({
          type: 'run-ended',
          runId: message.runId,
          memory: MEMORY,
          datasetBytes: 0,
          openXlsxHandles: 0,
          peakRss: 1,
          reads: [],
        });
      case 'shutdown':
        return this.die({ code: 0, signal: null });
      case 'cancel':
        return;
    }
  }

  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }

  onExit(listener: (exit: WorkerExit) => void): void {
    this.exitListener = listener;
  }

  kill(): void {
    this.die({ code: null, signal: 'SIGKILL' });
  }
}

class FakeLauncher implements Launcher {
  readonly backendName = 'FakeBackend';
  readonly workers: FakeWorker[] = [];
  constructor(private readonly onBatch: BatchBehaviour = (w, b) => w.answer(b)) {}
  spawn(): WorkerHandle {
    const worker = new FakeWorker(this.onBatch);
    this.workers.push(worker);
    return worker;
  }
}

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function setUp(launcher: FakeLauncher, options: Partial<ParallelOptions> = {}): Parallel {
  const pool = new WorkerPool({ launcher, cwd: '.' });
  pools.push(pool);
  return new Parallel(pool, { nJobs: 2, batchSize: 1, verbose: 0, ...options });
}

const INSTALL = {
  experiment: 'read-global',
  taskName: 'task',
  taskSource: 'function task(n) { return n; }',
  globals: {},
  announceStarts: false,
  bindings: 'const',
} as const;

function call(
  tasks: number,
  extra: { signal?: AbortSignal; onEvent?: (e: ParallelEvent) => void } = {},
) {
  return {
    runId: 1,
    install: INSTALL,
    args: Array.from({ length: tasks }, (_, i) => [i]),
    ...extra,
  };
}

describe('Parallel on fake workers', () => {
  it('returns results in task order, whichever worker ran them', async () => {
    // Worker answers come back in reverse order of dispatch within each round.
    const launcher = new FakeLauncher((worker, batch) =>
      setTimeout(() => worker.answer(batch), 10 - (batch.tasks[0]?.index ?? 0)),
    );
    const outcome = await setUp(launcher, { nJobs: 3, batchSize: 2 }).run(call(10));
    expect(outcome.error).toBeNull();
    expect(outcome.results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const ran = outcome.workers.flatMap((w) => w.taskIndexes).sort((a, b) => a - b);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(outcome.workers.every((w) => w.taskIndexes.length > 0)).toBe(true);
  });

  it('dispatches 2 × nJobs tasks before the first result, as pre_dispatch does', async () => {
    const held: Array<() => void> = [];
    const launcher = new FakeLauncher((worker, batch) => held.push(() => worker.answer(batch)));
    const running = setUp(launcher, { nJobs: 2 }).run(call(9));
    while (held.length < 4) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const sent = (): number => launcher.workers.reduce((n, w) => n + w.batches().length, 0);
    expect(sent()).toBe(4);
    held.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One batch back, one more out.
    expect(sent()).toBe(5);
    const release = setInterval(() => held.shift()?.(), 1);
    const outcome = await running;
    clearInterval(release);
    expect(outcome.results).toHaveLength(9);
  });

  it('stops at the first error: later tasks are never sent and every worker is told to cancel', async () => {
    const launcher = new FakeLauncher((worker, batch) => {
      const task = batch.tasks[0];
      if (task?.index === 3)
        worker.reply({
          type: 'task-failed',
          runId: batch.runId,
          batchId: batch.batchId,
          taskIndex: 3,
          error: { name: 'ValueError', message: 'three', stack: 'ValueError: three' },
        });
      else worker.answer(batch);
    });
    const outcome = await setUp(launcher).run(call(50));
    expect(outcome.error).toBeInstanceOf(WorkerError);
    expect(outcome.error).toMatchObject({ taskIndex: 3 });
    expect(outcome.results).toBeNull();
    const dispatched = launcher.workers.flatMap((w) => w.batches().map((b) => b.tasks[0]?.index));
    expect(Math.max(...(dispatched as number[]))).toBeLessThan(3 + 2 * 2 + 1);
    for (const worker of launcher.workers)
      expect(worker.received.some((m) => m.type === 'cancel')).toBe(true);
  });

  it('ends with a terminated-worker error naming the pid, the signal and the task', async () => {
    const launcher = new FakeLauncher((worker, batch) => {
      if (batch.tasks[0]?.index === 2) worker.die({ code: null, signal: 'SIGKILL' });
      else worker.answer(batch);
    });
    const outcome = await setUp(launcher).run(call(6));
    const error = outcome.error as TerminatedWorkerError;
    expect(error).toBeInstanceOf(TerminatedWorkerError);
    expect(error.signal).toBe('SIGKILL');
    expect(error.taskIndex).toBe(2);
    expect(launcher.workers.map((w) => w.pid)).toContain(error.workerPid);
  });

  it('ends with a terminated-worker error when a worker dies before the call listens (killed at workers-ready)', async () => {
    const launcher = new FakeLauncher();
    let victim: FakeWorker | undefined;
    const outcome = await setUp(launcher).run(
      call(6, {
        onEvent: (event) => {
          if (event.type !== 'workers-ready' || victim) return;
          victim = launcher.workers.find((w) => w.pid === event.workers[0]?.pid);
          victim?.kill();
        },
      }),
    );
    const error = outcome.error as TerminatedWorkerError;
    expect(error).toBeInstanceOf(TerminatedWorkerError);
    expect(error.workerPid).toBe(victim?.pid);
    expect(error.signal).toBe('SIGKILL');
    expect(outcome.results).toBeNull();
  });

  it('ends a run whose busy worker goes silent, names the worker and its task, and kills it', async () => {
    const launcher = new FakeLauncher((worker, batch) => {
      if (batch.tasks[0]?.index !== 1) worker.answer(batch);
    });
    const started = performance.now();
    const outcome = await setUp(launcher, { stallMs: 300 }).run(call(4));
    const error = outcome.error as StalledWorkerError;
    expect(error).toBeInstanceOf(StalledWorkerError);
    expect(error.taskIndex).toBe(1);
    // No /proc entry for a fake pid: the state is unknown, and said so.
    expect(error.state).toBeNull();
    expect(error.message).toContain('gave no sign of life');
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    const silent = launcher.workers.find((w) => w.pid === error.workerPid);
    expect(outcome.workers.find((w) => w.pid === silent?.pid)?.after).toBeNull();
  });

  it('keeps waiting for a long batch while its worker says it is alive', async () => {
    const launcher = new FakeLauncher((worker, batch) => {
      const beat = setInterval(() => worker.reply({ type: 'alive', runId: batch.runId }), 50);
      setTimeout(() => {
        clearInterval(beat);
        worker.answer(batch);
      }, 600);
    });
    const outcome = await setUp(launcher, { stallMs: 200 }).run(call(2));
    expect(outcome.error).toBeNull();
    expect(outcome.results).toEqual([0, 10]);
  });

  it("raises joblib's TimeoutError when a task runs past the timeout, even while its worker speaks", async () => {
    const launcher = new FakeLauncher((worker, batch) => {
      const task = batch.tasks[0];
      if (!task) return;
      worker.reply({ type: 'task-started', runId: batch.runId, taskIndex: task.index });
      if (task.index === 0) {
        setInterval(() => worker.reply({ type: 'alive', runId: batch.runId }), 50).unref();
      } else worker.answer(batch);
    });
    const started = performance.now();
    const outcome = await setUp(launcher, { timeout: 1, stallMs: 300 }).run(call(2));
    const error = outcome.error as TaskTimeoutError;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error.name).toBe('TimeoutError');
    expect(error.taskIndex).toBe(0);
    expect(error.detail).toEqual({ code: 'task-timeout', seconds: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    // The timeout asks the workers to announce each task.
    const install = launcher.workers[0]?.received.find((m) => m.type === 'install');
    expect(install).toMatchObject({ announceStarts: true });
  });

  it('is cancelled by its signal, with no results', async () => {
    const controller = new AbortController();
    const launcher = new FakeLauncher((worker, batch) => {
      if (batch.tasks[0]?.index === 1) controller.abort();
      worker.answer(batch);
    });
    const outcome = await setUp(launcher).run(call(20, { signal: controller.signal }));
    expect(outcome.error?.name).toBe('CancelledError');
    expect(outcome.results).toBeNull();
  });

  it('prints joblib’s lines and emits one task-done per task', async () => {
    const events: ParallelEvent[] = [];
    const outcome = await setUp(new FakeLauncher(), { verbose: 10 }).run(
      call(3, { onEvent: (e) => events.push(e) }),
    );
    expect(outcome.log[0]).toBe(
      '[Parallel(n_jobs=2)]: Using backend FakeBackend with 2 concurrent workers.',
    );
    expect(outcome.log.at(-1)).toMatch(
      /^\[Parallel\(n_jobs=2\)\]: Done {3}3 out of {3}3 \| elapsed: .*finished$/,
    );
    const done = events
      .filter((e) => e.type === 'task-done')
      .map((e) => e.type === 'task-done' && e.display);
    expect(done.sort()).toEqual(['0', '10', '20']);
  });
});
