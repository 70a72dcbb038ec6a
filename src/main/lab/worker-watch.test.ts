import { describe, expect, it } from 'vitest';
import { StalledWorkerError, TaskTimeoutError } from './errors';
import {
  RECEIVING_STALL_MS,
  STALL_MS,
  watchInterval,
  watchVerdict,
  type BusyWorker,
} from './worker-watch';

const limits = { timeoutMs: null, stallMs: STALL_MS };
const worker = (over: Partial<BusyWorker> = {}): BusyWorker => ({
  pid: 4242,
  lastHeard: 0,
  task: null,
  oldestTask: 7,
  headSince: 0,
  receiving: false,
  state: 'S',
  stoppedSince: null,
  ...over,
});

describe('watchVerdict', () => {
  it('lets a busy worker be silent for just under the bound, and not longer', () => {
    expect(watchVerdict(worker(), STALL_MS - 1, limits)).toBeNull();
    const error = watchVerdict(worker(), STALL_MS, limits) as StalledWorkerError;
    expect(error).toBeInstanceOf(StalledWorkerError);
    expect(error).toMatchObject({ workerPid: 4242, taskIndex: 7, state: 'S' });
    expect(error.detail).toEqual({ code: 'stalled', state: 'S', seconds: 10 });
  });

  it('names the announced task rather than the batch’s first', () => {
    const error = watchVerdict(worker({ task: { index: 9, startedAt: 0 } }), STALL_MS, limits);
    expect(error).toMatchObject({ taskIndex: 9 });
  });

  it('does not count the time a worker spends receiving a large copy, unless the OS shows it stopped', () => {
    const receiving = worker({ receiving: true, state: 'R' });
    expect(watchVerdict(receiving, 5 * STALL_MS, limits)).toBeNull();
    const stopped = worker({ receiving: true, state: 'T', stoppedSince: 1_000 });
    expect(watchVerdict(stopped, 1_000 + STALL_MS - 1, limits)).toBeNull();
    expect(watchVerdict(stopped, 1_000 + STALL_MS, limits)).toMatchObject({ state: 'T' });
  });

  it('without /proc, gives a receiving worker RECEIVING_STALL_MS', () => {
    const blind = worker({ receiving: true, state: null });
    expect(watchVerdict(blind, RECEIVING_STALL_MS - 1, limits)).toBeNull();
    expect(watchVerdict(blind, RECEIVING_STALL_MS, limits)).toBeInstanceOf(StalledWorkerError);
  });

  it("applies joblib's timeout to each announced task, however chatty the worker", () => {
    const timed = { timeoutMs: 2_000, stallMs: STALL_MS };
    const busy = worker({ task: { index: 3, startedAt: 500 }, lastHeard: 2_400 });
    expect(watchVerdict(busy, 2_500, timed)).toBeNull();
    const error = watchVerdict(busy, 2_501, timed) as TaskTimeoutError;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error).toMatchObject({ workerPid: 4242, taskIndex: 3, seconds: 2 });
  });
});

describe("joblib's timeout between tasks", () => {
  it('counts from when the batch became the worker’s next, when no start was announced yet', () => {
    const timed = { timeoutMs: 2_000, stallMs: STALL_MS };
    const waiting = worker({ task: null, oldestTask: 12, headSince: 1_000, lastHeard: 2_900 });
    expect(watchVerdict(waiting, 3_000, timed)).toBeNull();
    expect(watchVerdict(waiting, 3_001, timed)).toMatchObject({
      name: 'TimeoutError',
      taskIndex: 12,
    });
  });
});

describe('watchInterval', () => {
  it('looks at least four times within the tightest bound, and at most once a second', () => {
    expect(watchInterval({ timeoutMs: null, stallMs: STALL_MS })).toBe(1_000);
    expect(watchInterval({ timeoutMs: 1_000, stallMs: STALL_MS })).toBe(250);
    expect(watchInterval({ timeoutMs: null, stallMs: 20 })).toBe(10);
  });
});
