/**
 * Starts workers with Electron's utilityProcess: the launcher of the desktop
 * app. The worker file is the same one the other hosts fork with
 * child_process; it finds `process.parentPort` and talks through it.
 */
import { utilityProcess } from 'electron';
import {
  WORKER_EXEC_ARGV,
  workerEnvironment,
  type Launcher,
  type SpawnOptions,
  type WorkerHandle,
} from '../lab/launcher';

export class UtilityProcessLauncher implements Launcher {
  readonly backendName = 'UtilityProcessBackend';

  /** @param workerPath the built worker, out/main/worker.js */
  constructor(private readonly workerPath: string) {}

  spawn(options: SpawnOptions): WorkerHandle {
    const child = utilityProcess.fork(this.workerPath, [], {
      cwd: options.cwd,
      env: workerEnvironment(options.env),
      execArgv: [...WORKER_EXEC_ARGV],
      serviceName: 'Isolation Lab worker',
      stdio: 'inherit',
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      // utilityProcess reports an exit code only; a signal shows as a non-zero code.
      onExit: (listener) => child.once('exit', (code) => listener({ code, signal: null })),
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
