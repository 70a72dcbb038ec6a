/**
 * The errors a run can end with, as the parent re-raises them. Each carries
 * what the report needs: which worker, which task, what happened there.
 */
import type { SerializedError } from '../../shared/worker-protocol';
import type { ErrorDetail } from '../../shared/api';
import type { ReportError } from '../../shared/report';

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
  ) {
    const how = signal ? `by signal ${signal}` : `with exit code ${exitCode}`;
    const during = taskIndex === null ? '' : ` while running task ${taskIndex}`;
    super(
      `A worker process was terminated ${how} (pid ${workerPid}${during}). Its tasks were not finished.`,
    );
  }
}

/** The run was cancelled before it finished. */
export { CancelledError } from '../../shared/cancelled-error';

/** A worker did not start or did not answer in time; it was killed so the app never hangs. */
export class WorkerTimeoutError extends Error {
  override name = 'WorkerTimeoutError';
}

/** The form of any run error in the JSON report. */
export function toReportError(error: unknown): ReportError {
  if (error instanceof WorkerError) {
    return {
      name: error.name,
      message: error.message,
      stack: error.stack ?? error.message,
      workerPid: error.workerPid,
      taskIndex: error.taskIndex,
      cause: {
        name: error.workerError.name,
        message: error.workerError.message,
        ...(error.workerError.detail ? { detail: error.workerError.detail } : {}),
      },
    };
  }
  if (error instanceof TerminatedWorkerError) {
    return {
      name: error.name,
      message: error.message,
      stack: error.stack ?? error.message,
      workerPid: error.workerPid,
      taskIndex: error.taskIndex,
      cause: null,
      exitCode: error.exitCode,
      signal: error.signal,
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const detail = (e as { detail?: ErrorDetail }).detail;
  return {
    name: e.name,
    message: e.message,
    stack: e.stack ?? e.message,
    workerPid: null,
    taskIndex: null,
    cause: null,
    ...(detail ? { detail } : {}),
  };
}
