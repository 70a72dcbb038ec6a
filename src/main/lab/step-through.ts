/**
 * A stepwise call of Parallel: the copies go to one worker at a time, one
 * batch is out at a time, and the call holds after each real event that
 * matters to the lesson (a worker installed its copy, a task started, a
 * batch came back) until the next Step. Everything else is ParallelRun's
 * usual work, in the usual order.
 */
import { serialize } from 'node:v8';
import type { StepPoint } from '../../shared/step-points';
import type { InstallMessage, WorkerToMain } from '../../shared/worker-protocol';
import { formatPython } from '../../shared/python-format';
import type { StepHold } from './step-gate';
import type { WorkerClient } from './worker-client';

/** What a stepwise call needs of its ParallelRun. */
export interface SteppedRun {
  readonly workers: readonly WorkerClient[];
  readonly install: Omit<InstallMessage, 'type' | 'runId'>;
  readonly runId: number;
  readonly args: unknown[][];
  /** Resolves when the call ended, however it ended. */
  readonly ended: Promise<unknown>;
  isEnded(): boolean;
  dispatchOne(): void;
}

/** The bytes of the code and of each captured global, serialised as postMessage sends them. */
export function serialisedPoint(install: SteppedRun['install']): StepPoint {
  const globals = Object.entries(install.globals).map(([name, value]) => ({
    name,
    bytes: serialize(value).byteLength,
  }));
  return {
    kind: 'serialised',
    taskName: install.taskName,
    codeBytes: Buffer.byteLength(install.taskSource),
    globals,
    bytes: serialize({ type: 'install', ...install }).byteLength,
  };
}

type ReturnedResults = Extract<StepPoint, { kind: 'returned' }>['results'];

export class StepThrough {
  /** Whether the call holds at a point now (the watch then waits too: the class is reading). */
  holding = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly installed = new Map<WorkerClient, () => void>();

  constructor(
    private readonly hold: StepHold,
    private readonly run: SteppedRun,
  ) {}

  /** Sends each worker its copy in turn, holding once it is installed, then the first batch. */
  async start(): Promise<void> {
    const { run } = this;
    await this.holdAt(serialisedPoint(run.install));
    for (const worker of run.workers) {
      if (run.isEnded()) return;
      const arrived = new Promise<void>((resolve) => this.installed.set(worker, resolve));
      worker.send({ type: 'install', runId: run.runId, ...run.install });
      await Promise.race([arrived, run.ended]);
    }
    this.then(() => run.dispatchOne());
  }

  /**
   * Takes the messages the call holds after: handled in arrival order, each
   * after the Step that ends the hold before it. Returns false for the others.
   */
  defer(worker: WorkerClient, message: WorkerToMain, handle: () => void): boolean {
    const { pid, slot } = worker;
    switch (message.type) {
      case 'installed':
        this.then(async () => {
          handle();
          await this.holdAt({ kind: 'installed', slot, pid, received: message.received });
          this.installed.get(worker)?.();
        });
        return true;
      case 'task-started': {
        const args = this.run.args[message.taskIndex] ?? [];
        const call = `${this.run.install.taskName}(${args.map(formatPython).join(', ')})`;
        this.then(() => {
          handle();
          return this.holdAt({ kind: 'running', slot, pid, taskIndex: message.taskIndex, call });
        });
        return true;
      }
      case 'batch-done':
        this.then(handle);
        return true;
      default:
        return false;
    }
  }

  /** After a batch's results are stored: hold, then the next batch (or the end of the call). */
  afterBatch(worker: WorkerClient, results: ReturnedResults, next: () => void): void {
    this.then(async () => {
      await this.holdAt({ kind: 'returned', slot: worker.slot, pid: worker.pid, results });
      next();
    });
  }

  private then(step: () => void | Promise<void>): void {
    this.chain = this.chain.then(() => (this.run.isEnded() ? undefined : step()));
  }

  private async holdAt(point: StepPoint): Promise<void> {
    if (this.run.isEnded()) return;
    this.holding = true;
    try {
      await Promise.race([this.hold(point), this.run.ended]);
    } finally {
      this.holding = false;
    }
  }
}
