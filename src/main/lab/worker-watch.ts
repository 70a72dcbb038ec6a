/**
 * The rule that keeps a run from waiting blind: joblib's `timeout` for each
 * task, and, with or without it, a bound on how long a busy worker may stay
 * silent. Kept apart from the dispatcher as a pure decision so that it can be
 * tested without processes or clocks.
 */
import { StalledWorkerError, TaskTimeoutError } from './errors';
import type { ProcessState } from './process-state';

/**
 * How long a busy worker may send nothing before the run ends. Workers speak
 * at least every second while busy (HEARTBEAT_MS) and report read progress
 * within a read, so 10 s of silence means stopped, stuck or starved.
 */
export const STALL_MS = 10_000;

/**
 * Before a worker has installed the run's globals it may be receiving a large
 * copy (4 workers × 153 MiB took 3.3 s here), and silence proves nothing.
 * Where /proc tells whether it is stopped, that decides; elsewhere it gets
 * this long.
 */
export const RECEIVING_STALL_MS = 60_000;

export interface WatchLimits {
  /** joblib's `timeout`, in ms per task; null for none. */
  timeoutMs: number | null;
  /** How long a busy worker may be silent. */
  stallMs: number;
}

/** What the dispatcher knows of one busy worker. */
export interface BusyWorker {
  pid: number;
  /** When the worker last said anything (or became busy, if later). */
  lastHeard: number;
  /** The task it announced last, with when it started; null between batches or unannounced. */
  task: { index: number; startedAt: number } | null;
  /** The first task of its oldest unfinished batch, to name when no task was announced. */
  oldestTask: number | null;
  /** Since when that batch is the worker's next: the earliest its first task can have started. */
  headSince: number;
  /** True until it has installed the run's globals: it may still be receiving them. */
  receiving: boolean;
  /** The kernel's state letter now, or null where the OS does not say. */
  state: ProcessState | null;
  /** Since when the OS has shown it stopped, or null. */
  stoppedSince: number | null;
}

/** The error that ends the run because of this worker, or null while all is well. */
export function watchVerdict(worker: BusyWorker, now: number, limits: WatchLimits): Error | null {
  const { task, state } = worker;
  // A task's time counts from its announced start; between tasks, from when its batch was next.
  const running = task ?? { index: worker.oldestTask, startedAt: worker.headSince };
  if (
    limits.timeoutMs !== null &&
    running.index !== null &&
    now - running.startedAt > limits.timeoutMs
  )
    return new TaskTimeoutError(worker.pid, running.index, limits.timeoutMs / 1000);
  const silentMs = now - worker.lastHeard;
  const stoppedMs = worker.stoppedSince === null ? 0 : now - worker.stoppedSince;
  const stalled = worker.receiving
    ? stoppedMs >= limits.stallMs || (state === null && silentMs >= RECEIVING_STALL_MS)
    : silentMs >= limits.stallMs;
  if (!stalled) return null;
  return new StalledWorkerError(worker.pid, task?.index ?? worker.oldestTask, state, silentMs);
}

/** How often the watch looks: often enough for the tightest bound, at most once a second. */
export function watchInterval(limits: WatchLimits): number {
  const tightest = Math.min(limits.stallMs, limits.timeoutMs ?? Infinity);
  return Math.min(1_000, Math.max(10, Math.floor(tightest / 4)));
}
