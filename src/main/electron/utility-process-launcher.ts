/**
 * Starts workers with Electron's utilityProcess: the launcher of the desktop
 * app. The worker file is the same one the other hosts fork with
 * child_process; it finds `process.parentPort` and talks through it.
 *
 * A utilityProcess's `exit` event gives a code only. Electron says more in
 * `app`'s `child-process-gone` event: the reason (`oom` when the OS killed it
 * for memory, `killed`, `crashed`) and, on POSIX, the signal's number. Each
 * worker gets a service name of its own so that the two can be matched.
 */
import { constants } from 'node:os';
import { app, utilityProcess, type Details } from 'electron';
import {
  WORKER_EXEC_ARGV,
  workerEnvironment,
  type ExitReason,
  type Launcher,
  type SpawnOptions,
  type WorkerExit,
  type WorkerHandle,
} from '../lab/launcher';

/** How long an exit waits for Electron's account of it, which may come just after. */
export const GONE_WAIT_MS = 100;

/** The signal's name for its number (`9` → `SIGKILL`), or null. */
function signalName(signal: number): string | null {
  const entry = Object.entries(constants.signals).find(([, n]) => n === signal);
  return entry ? entry[0] : null;
}

/**
 * A worker's exit from the code of utilityProcess's `exit` and what
 * `child-process-gone` said. On POSIX, Chromium gives the signal's number as
 * the exit code of a process ended by a signal.
 */
export function workerExit(
  code: number,
  gone: Pick<Details, 'reason' | 'exitCode'> | undefined,
  platform: NodeJS.Platform = process.platform,
): WorkerExit {
  if (!gone || gone.reason === 'clean-exit' || gone.reason === 'abnormal-exit')
    return { code, signal: null, ...(gone ? { reason: gone.reason as ExitReason } : {}) };
  const bySignal = platform !== 'win32' && gone.reason !== 'launch-failed';
  const signal = bySignal ? signalName(gone.exitCode) : null;
  return { code: signal ? null : code, signal, reason: gone.reason as ExitReason };
}

export class UtilityProcessLauncher implements Launcher {
  readonly backendName = 'UtilityProcessBackend';
  private nextId = 1;
  /** What child-process-gone said, by service name, until the worker's exit takes it. */
  private readonly gone = new Map<string, Details>();

  /** @param workerPath the built worker, out/main/worker.js */
  constructor(private readonly workerPath: string) {
    app.on('child-process-gone', (_event, details) => {
      if (details.type === 'Utility' && details.name?.startsWith('Isolation Lab worker'))
        this.gone.set(details.name, details);
    });
  }

  spawn(options: SpawnOptions): WorkerHandle {
    const serviceName = `Isolation Lab worker ${this.nextId++}`;
    const child = utilityProcess.fork(this.workerPath, [], {
      cwd: options.cwd,
      env: workerEnvironment(options.env),
      execArgv: [...WORKER_EXEC_ARGV],
      serviceName,
      stdio: 'inherit',
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code) => {
          setTimeout(() => {
            const gone = this.gone.get(serviceName);
            this.gone.delete(serviceName);
            listener(workerExit(code, gone));
          }, GONE_WAIT_MS);
        }),
      kill: () => {
        if (child.pid !== undefined) {
          try {
            process.kill(child.pid, 'SIGKILL');
            return;
          } catch {
            // Already gone, or no signals on this OS: fall back to Electron's own kill.
          }
        }
        child.kill();
      },
    };
  }
}
