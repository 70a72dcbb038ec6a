/**
 * One worker process as the parent sees it: typed messages in, typed events
 * out, a `ready` promise, and a shutdown that asks, waits, then kills.
 */
import type { MemorySnapshot } from '../../shared/memory';
import {
  parseWorkerMessage,
  type MainToWorker,
  type WorkerToMain,
} from '../../shared/worker-protocol';
import { TerminatedWorkerError, WorkerTimeoutError } from './errors';
import type { Launcher, SpawnOptions, WorkerExit, WorkerHandle } from './launcher';
import { isStopped, processState } from './process-state';

/** How long a worker may take to start and report ready before it is killed. */
export const READY_TIMEOUT_MS = 30_000;
/** How long a worker may take to exit after `shutdown` before it is killed. */
export const SHUTDOWN_GRACE_MS = 2_000;

export class WorkerClient {
  pid = 0;
  baseline: MemorySnapshot | null = null;
  exit: WorkerExit | null = null;
  private nextRequestId = 1;
  readonly ready: Promise<void>;
  private readonly handle: WorkerHandle;
  private readonly messageListeners = new Set<(message: WorkerToMain) => void>();
  private readonly exitListeners = new Set<(exit: WorkerExit) => void>();
  private readonly exited: Promise<WorkerExit>;

  constructor(
    readonly slot: number,
    launcher: Launcher,
    options: SpawnOptions,
  ) {
    this.handle = launcher.spawn(options);
    this.exited = new Promise((resolve) => {
      this.handle.onExit((exit) => {
        this.exit = exit;
        for (const listener of this.exitListeners) listener(exit);
        resolve(exit);
      });
    });
    this.handle.onMessage((value) => {
      const message = parseWorkerMessage(value);
      if (!message) return;
      for (const listener of this.messageListeners) listener(message);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.handle.kill();
        reject(
          new WorkerTimeoutError(
            `Worker ${slot} did not start within ${READY_TIMEOUT_MS / 1000} s and was killed.`,
          ),
        );
      }, READY_TIMEOUT_MS);
      const offMessage = this.onMessage((message) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        this.pid = message.pid;
        this.baseline = message.baseline;
        offMessage();
        offExit();
        resolve();
      });
      const offExit = this.onExit((exit) => {
        clearTimeout(timer);
        offMessage();
        offExit();
        reject(new TerminatedWorkerError(this.pid, exit.code, exit.signal, null));
      });
    });
    // A start failure is reported to whoever awaits `ready`; never as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return this.exit === null;
  }

  send(message: MainToWorker): void {
    if (this.alive) this.handle.postMessage(message);
  }

  onMessage(listener: (message: WorkerToMain) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onExit(listener: (exit: WorkerExit) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /**
   * The worker's memory now. With `settle`, the worker first finishes what it
   * was sent before and collects garbage: a baseline. Resolves with null when
   * the worker does not answer within `timeoutMs`, dies, or is stopped.
   */
  measure(settle: boolean, timeoutMs = 5_000): Promise<MemorySnapshot | null> {
    // A stopped worker cannot answer: do not wait for it.
    if (!this.alive || this.stopped) return Promise.resolve(null);
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const done = (memory: MemorySnapshot | null): void => {
        clearTimeout(timer);
        offMessage();
        offExit();
        resolve(memory);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      const offMessage = this.onMessage((message) => {
        if (message.type === 'measured' && message.requestId === requestId) done(message.memory);
      });
      const offExit = this.onExit(() => done(null));
      this.send({ type: 'measure', requestId, settle });
    });
  }

  /** Ends the process at once. */
  kill(): void {
    if (this.alive) this.handle.kill();
  }

  /** Whether the OS says the process is stopped (SIGSTOP, Ctrl-Z): it cannot answer anything until continued. */
  get stopped(): boolean {
    return this.alive && isStopped(processState(this.pid));
  }

  /**
   * Asks the worker to exit, waits `graceMs`, then kills it; a stopped worker,
   * which cannot hear the request, is killed at once. Resolves once the
   * process is gone.
   */
  async close(graceMs = SHUTDOWN_GRACE_MS): Promise<WorkerExit> {
    if (!this.alive) return this.exit as WorkerExit;
    if (this.stopped) this.kill();
    this.send({ type: 'shutdown' });
    const timer = setTimeout(() => this.kill(), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
