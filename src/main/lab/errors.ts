/**
 * The errors a run can end with, as the parent re-raises them. Each carries
 * what the report needs: which worker, which task, what happened there.
 */
import type { SerializedError } from '../../shared/worker-protocol';
import type { ErrorDetail } from '../../shared/api';
import type { ReportError } from '../../shared/report';
import type { ExitReason } from './launcher';
import type { ProcessState } from './process-state';

/** A task raised in a worker; the parent re-raises it with the worker's stack, pid and task index. */
export class WorkerError extends Error {
  override name = 'WorkerError';
  constructor(
    readonly workerPid: number,
    readonly taskIndex: number,
    readonly workerError: SerializedError,
  ) {
    super(
      `${workerError.name}: ${workerError.message} (raised in worker pid ${workerPid}, task ${taskIndex})`,
    );
    this.stack = `${this.name}: ${this.message}\n--- in the worker ---\n${workerError.stack}`;
  }
}

/** A worker process died during a run (killed, out of memory, exited). */
export class TerminatedWorkerError extends Error {
  override name = 'TerminatedWorkerError';
  constructor(
    readonly workerPid: number,
    readonly exitCode: number | null,
    readonly signal: string | null,
    readonly taskIndex: number | null,
    /** Electron's reason, where it gave one: `oom` is the OS killing it for memory. */
    readonly reason: ExitReason | null = null,
  ) {
    const how =
      reason === 'oom'
        ? 'by the operating system: out of memory'
        : signal
          ? `by signal ${signal}`
          : `with exit code ${exitCode}`;
    const during = taskIndex === null ? '' : ` while running task ${taskIndex}`;
    super(
      `A worker process was terminated ${how} (pid ${workerPid}${during}). Its tasks were not finished.`,
    );
  }
}

/**
 * joblib's `TimeoutError`: a task ran longer than `Parallel(timeout=…)`
 * allows. The worker that ran it is killed (its task cannot be interrupted
 * otherwise) and the pool starts a new one for the next run.
 */
export class TaskTimeoutError extends Error {
  override name = 'TimeoutError';
  readonly detail: ErrorDetail;
  constructor(
    readonly workerPid: number,
    readonly taskIndex: number,
    readonly seconds: number,
  ) {
    super(
      `Task ${taskIndex} ran longer than the timeout of ${seconds} s in worker pid ${workerPid}. The worker was killed; the next run starts a new one.`,
    );
    this.detail = { code: 'task-timeout', seconds };
  }
}

/**
 * A busy worker that said nothing for too long: stopped by a signal (SIGSTOP,
 * Ctrl-Z), stuck in a loop, or starved. The run ends instead of waiting
 * blind, the worker is killed, and the pool starts a new one.
 */
export class StalledWorkerError extends Error {
  override name = 'StalledWorkerError';
  readonly detail: ErrorDetail;
  constructor(
    readonly workerPid: number,
    readonly taskIndex: number | null,
    /** The kernel's state letter (`T` stopped, `R` running...), null where the OS does not say. */
    readonly state: ProcessState | null,
    silentMs: number,
  ) {
    const seconds = Math.round(silentMs / 1000);
    const during = taskIndex === null ? '' : ` while running task ${taskIndex}`;
    super(
      `Worker pid ${workerPid} ${STATE_WORDS[state ?? '?'] ?? `was in state ${state}`} and sent nothing for ${seconds} s${during}. It was killed; the next run starts a new one.`,
    );
    this.detail = { code: 'stalled', state, seconds };
  }
}

/** How the report's English message says a process state. */
const STATE_WORDS: Record<string, string> = {
  T: 'was stopped by a signal (state T, as after SIGSTOP)',
  t: 'was stopped by a debugger (state t)',
  R: 'was running (state R)',
  S: 'was sleeping (state S)',
  D: 'was waiting for the disk (state D)',
  Z: 'had exited (state Z)',
  '?': 'gave no sign of life',
};

/** The run was cancelled before it finished. */
export { CancelledError } from '../../shared/cancelled-error';

/** A worker did not start or did not answer in time; it was killed so the app never hangs. */
export class WorkerTimeoutError extends Error {
  override name = 'WorkerTimeoutError';
}

/** What every reported error says: its name, message, stack, and where it happened. */
function reported(error: Error, workerPid: number | null, taskIndex: number | null): ReportError {
  const detail = (error as { detail?: ErrorDetail }).detail;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack ?? error.message,
    workerPid,
    taskIndex,
    cause: null,
    ...(detail ? { detail } : {}),
  };
}

/** The form of any run error in the JSON report. */
export function toReportError(error: unknown): ReportError {
  if (error instanceof WorkerError) {
    const { name, message, detail } = error.workerError;
    return {
      ...reported(error, error.workerPid, error.taskIndex),
      cause: { name, message, ...(detail ? { detail } : {}) },
    };
  }
  if (error instanceof TerminatedWorkerError) {
    return {
      ...reported(error, error.workerPid, error.taskIndex),
      exitCode: error.exitCode,
      signal: error.signal,
      ...(error.reason ? { reason: error.reason } : {}),
    };
  }
  if (error instanceof TaskTimeoutError || error instanceof StalledWorkerError)
    return reported(error, error.workerPid, error.taskIndex);
  return reported(error instanceof Error ? error : new Error(String(error)), null, null);
}
