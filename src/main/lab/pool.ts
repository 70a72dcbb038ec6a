/**
 * The persistent workers, as loky keeps its executor: started on first use,
 * reused by every later run with the same number of jobs (a worker's state
 * persists between its tasks), resized when a run asks for another number,
 * and closed with "wait, then kill" so that no process is left behind.
 */
import type { Launcher } from './launcher';
import { WorkerClient } from './worker-client';

export interface PoolOptions {
  launcher: Launcher;
  /** Working directory of the workers: the lab's data folder. */
  cwd: string;
}

export class WorkerPool {
  private workers: WorkerClient[] = [];
  private closed = false;
  private resizing: Promise<void> = Promise.resolve();

  constructor(private readonly options: PoolOptions) {}

  get backendName(): string {
    return this.options.launcher.backendName;
  }

  /** The live workers, by slot. */
  get live(): readonly WorkerClient[] {
    return this.workers.filter((worker) => worker.alive);
  }

  /**
   * Makes exactly `n` live workers ready: dead and stopped ones are replaced,
   * extra ones closed, missing ones started. Returns the workers and how long starting
   * new ones took.
   */
  ensure(n: number): Promise<{ workers: WorkerClient[]; startMs: number }> {
    // One resize at a time: a run may ask while the pool is still starting for another.
    const next = this.resizing.then(() => this.resize(n));
    this.resizing = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async resize(n: number): Promise<{ workers: WorkerClient[]; startMs: number }> {
    if (this.closed) throw new Error('The worker pool is closed.');
    const started = performance.now();
    // A worker stopped by a signal (SIGSTOP, Ctrl-Z) cannot serve a run: it is replaced.
    const usable = this.workers.filter((worker) => worker.alive && !worker.stopped);
    const stopped = this.workers.filter((worker) => worker.stopped);
    const keep = usable.slice(0, n);
    const extra = [...usable.slice(n), ...stopped];
    await Promise.all(extra.map((worker) => worker.close()));
    const spawned: WorkerClient[] = [];
    const slots = new Set(keep.map((worker) => worker.slot));
    for (let slot = 0; keep.length + spawned.length < n; slot += 1) {
      if (slots.has(slot)) continue;
      const worker = new WorkerClient(slot, this.options.launcher, {
        cwd: this.options.cwd,
        env: {},
      });
      spawned.push(worker);
    }
    this.workers = [...keep, ...spawned].sort((a, b) => a.slot - b.slot);
    try {
      await Promise.all(spawned.map((worker) => worker.ready));
    } catch (error) {
      for (const worker of spawned) worker.kill();
      throw error;
    }
    return {
      workers: [...this.workers],
      startMs: spawned.length ? performance.now() - started : 0,
    };
  }

  /** Closes every worker (wait, then kill). The pool can be used again after. */
  async shutdown(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.close()));
  }

  /** Closes the pool for good. */
  async close(): Promise<void> {
    this.closed = true;
    await this.shutdown();
  }
}
