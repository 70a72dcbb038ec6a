/**
 * How the lab starts worker processes, without knowing which runtime it is
 * in. Shaped after Electron's utilityProcess (spawn, postMessage, message,
 * exit, kill) so that the Electron launcher is a thin adapter; the
 * child_process launcher implements it for Node.
 */
import { join } from 'node:path';
import type { MainToWorker } from '../../shared/worker-protocol';

/** Why the OS or Electron says a process ended, where it says (Electron's `child-process-gone`). */
export type ExitReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface WorkerExit {
  /** Exit code, or null when the process was ended by a signal. */
  code: number | null;
  /** The signal that ended it (`SIGKILL`, ...), or null where the runtime does not tell. */
  signal: string | null;
  /** Electron's reason (`oom`: out of memory), when it gave one. */
  reason?: ExitReason;
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
 * MALLOC_MMAP_THRESHOLD_ makes glibc serve allocations of 8 KiB and more with
 * their own mappings, returned to the OS when freed. A dataset arrives over
 * IPC in reads of a few KiB to 64 KiB (smaller when the parent feeds several
 * workers at once); from glibc's heap those would stay in the worker's USS
 * after they are freed. Measured here, 4 workers receiving 76.3 MiB each: USS
 * growth 97-102 MiB with glibc's default, 96-102 MiB at 32 KiB, 79-80 MiB at
 * 8 KiB.
 */
const WORKER_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '8192',
};

/**
 * The whole environment of a worker: the parent's, with WORKER_ENV on top and
 * without NODE_EXTRA_CA_CERTS. Node parses that certificate bundle at every
 * start (70 ms of a worker's 110 ms here) and workers never open a TLS
 * connection.
 */
export function workerEnvironment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'NODE_EXTRA_CA_CERTS') env[name] = value;
  }
  return { ...env, ...WORKER_ENV, ...extra };
}

/**
 * Node flags every worker runs with. --expose-gc lets a worker collect garbage
 * before it measures itself. --single-threaded keeps V8's helper threads
 * (concurrent marking, compiling, sweeping) out of the worker: each touches
 * memory of its own, which showed as 0.5-2 MiB of noise in a run's USS growth.
 * Measured here, 4 workers receiving 7.63 MiB each: 7.9-9.9 MiB without it,
 * 7.82-7.88 MiB with it; a worker's tasks are small, so nothing is lost.
 */
export const WORKER_EXEC_ARGV: readonly string[] = ['--expose-gc', '--single-threaded'];

/**
 * The built worker: out/main/worker.js, beside every host's entry, so that
 * the desktop app, the browser host, the CLI, the benchmark and the tests
 * all fork the very same file.
 */
export function builtWorker(mainDir: string): string {
  return join(mainDir, 'worker.js');
}
