/**
 * How the lab starts worker processes, without knowing which runtime it is
 * in. Shaped after Electron's utilityProcess (spawn, postMessage, message,
 * exit, kill) so that the Electron launcher is a thin adapter; the
 * child_process launcher implements it for Node.
 */
import type { MainToWorker } from '../../shared/worker-protocol';

export interface WorkerExit {
  /** Exit code, or null when the process was ended by a signal. */
  code: number | null;
  /** The signal that ended it (`SIGKILL`, ...), or null. Electron's utilityProcess reports none. */
  signal: string | null;
}

export interface WorkerHandle {
  postMessage(message: MainToWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
}

export interface SpawnOptions {
  /** Working directory: where the task's relative paths (my_database.xlsx) point. */
  cwd: string;
  env: Record<string, string>;
}

export interface Launcher {
  /** The name joblib's verbose line shows: `Using backend <name> with N concurrent workers.` */
  readonly backendName: string;
  spawn(options: SpawnOptions): WorkerHandle;
}

/**
 * The environment every worker gets on top of the parent's.
 * MALLOC_MMAP_THRESHOLD_ makes glibc return large freed buffers (the IPC
 * copies of a dataset) to the OS at once, so a worker's USS shows the data it
 * holds rather than about twice that.
 */
export const WORKER_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '32768',
};

/** Node flags every worker runs with: --expose-gc lets it collect garbage before it measures itself. */
export const WORKER_EXEC_ARGV: readonly string[] = ['--expose-gc'];
