/**
 * The utilityProcess launcher against a stand-in for electron: a worker that
 * dies is reported with Electron's reason, so that an OOM-killed worker says
 * so, and a signal is named where the OS gives it.
 */
import { type EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  gone: null as null | ((event: unknown, details: unknown) => void),
  children: [] as { child: unknown; options: { serviceName: string } }[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    app: {
      on: (event: string, listener: (event: unknown, details: unknown) => void) => {
        if (event === 'child-process-gone') fake.gone = listener;
      },
    },
    utilityProcess: {
      fork: (_path: string, _args: string[], options: { serviceName: string }) => {
        const child = Object.assign(new Emitter(), {
          pid: undefined,
          postMessage: vi.fn(),
          kill: vi.fn(),
        });
        fake.children.push({ child, options });
        return child;
      },
    },
  };
});

const { UtilityProcessLauncher, workerExit, GONE_WAIT_MS } =
  await import('./utility-process-launcher');
const { TerminatedWorkerError } = await import('../lab/errors');

describe('workerExit', () => {
  it('says out of memory when Electron says oom, with the signal on POSIX', () => {
    expect(workerExit(9, { reason: 'oom', exitCode: 9 }, 'linux')).toEqual({
      code: null,
      signal: 'SIGKILL',
      reason: 'oom',
    });
    expect(workerExit(3, { reason: 'oom', exitCode: 3 }, 'win32')).toEqual({
      code: 3,
      signal: null,
      reason: 'oom',
    });
    expect(new TerminatedWorkerError(7, null, 'SIGKILL', 2, 'oom').message).toContain(
      'terminated by the operating system: out of memory (pid 7 while running task 2)',
    );
  });

  it('names the signal of a killed or crashed worker, and keeps the code of one that exited', () => {
    expect(workerExit(15, { reason: 'killed', exitCode: 15 }, 'linux')).toMatchObject({
      signal: 'SIGTERM',
      reason: 'killed',
    });
    expect(workerExit(11, { reason: 'crashed', exitCode: 11 }, 'darwin')).toMatchObject({
      signal: 'SIGSEGV',
    });
    expect(workerExit(2, { reason: 'abnormal-exit', exitCode: 2 }, 'linux')).toEqual({
      code: 2,
      signal: null,
      reason: 'abnormal-exit',
    });
    expect(workerExit(0, undefined, 'linux')).toEqual({ code: 0, signal: null });
  });
});

describe('UtilityProcessLauncher', () => {
  it('matches child-process-gone to the worker by its own service name', async () => {
    const launcher = new UtilityProcessLauncher('/app/worker.js');
    const first = launcher.spawn({ cwd: '/tmp', env: {} });
    launcher.spawn({ cwd: '/tmp', env: {} });
    const [a, b] = fake.children.slice(-2) as [
      { child: EventEmitter; options: { serviceName: string } },
      { options: { serviceName: string } },
    ];
    expect(a.options.serviceName).not.toBe(b.options.serviceName);
    const exits: unknown[] = [];
    first.onExit((exit) => exits.push(exit));
    // Electron's account may come just after the exit event: it is waited for.
    a.child.emit('exit', 9);
    fake.gone?.({}, { type: 'Utility', name: a.options.serviceName, reason: 'oom', exitCode: 9 });
    fake.gone?.({}, { type: 'Utility', name: 'Network Service', reason: 'crashed', exitCode: 11 });
    await new Promise((resolve) => setTimeout(resolve, GONE_WAIT_MS + 20));
    expect(exits).toEqual([
      { code: null, signal: process.platform === 'win32' ? null : 'SIGKILL', reason: 'oom' },
    ]);
  });
});
