/**
 * Starts workers with Node's child_process.fork: the launcher of the CLI, the
 * browser host and the tests. Structured-clone serialization ('advanced')
 * makes a typed array arrive as a typed array, as it does with utilityProcess.
 */
import { fork } from 'node:child_process';
import type { Launcher, SpawnOptions, WorkerHandle } from './launcher';
import { WORKER_EXEC_ARGV, workerEnvironment } from './launcher';

export class ChildProcessLauncher implements Launcher {
  readonly backendName = 'ChildProcessBackend';

  /** @param workerPath the built worker, out/main/worker.js */
  constructor(private readonly workerPath: string) {}

  spawn(options: SpawnOptions): WorkerHandle {
    const child = fork(this.workerPath, [], {
      cwd: options.cwd,
      env: workerEnvironment(options.env),
      execArgv: [...WORKER_EXEC_ARGV],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // A send to a worker that just died reports EPIPE here; its exit event tells the story.
    child.on('error', () => undefined);
    return {
      postMessage: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  }
}
