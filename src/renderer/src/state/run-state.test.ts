import { describe, expect, it } from 'vitest';
import type { MemorySample } from '../../../shared/memory';
import type { RunEvent } from '../../../shared/api';
import type { RunReport } from '../../../shared/report';
import { IDLE_RUN, reduceRun, type RunView } from './run-state';

const params = {
  experiment: 'change-global' as const,
  nJobs: 2,
  tasks: 2,
  rows: 100,
  batchSize: 1,
  verbose: 10,
  timeout: null,
  definedIn: 'notebook' as const,
};

function play(events: RunEvent[], from: RunView = IDLE_RUN): RunView {
  return events.reduce(reduceRun, from);
}

describe('reduceRun', () => {
  const start: RunEvent[] = [
    { runId: 3, type: 'phase', phase: 'starting-workers' },
    {
      runId: 3,
      type: 'run-started',
      params,
      mainPid: 10,
      mainGlobals: [{ name: 'MY_GLOBAL_VAR', kind: 'number', display: '1.4', bytes: 8 }],
    },
    {
      runId: 3,
      type: 'workers-ready',
      workers: [
        { slot: 0, pid: 11 },
        { slot: 1, pid: 12 },
      ],
      startMs: 5,
    },
    {
      runId: 3,
      type: 'installed',
      slot: 1,
      pid: 12,
      received: [{ name: 'MY_GLOBAL_VAR', kind: 'number', display: '1.4', bytes: 8 }],
    },
    { runId: 3, type: 'task-started', slot: 0, pid: 11, taskIndex: 0 },
  ];

  it('builds the process map as events arrive', () => {
    const view = play(start);
    expect(view.phase).toBe('starting-workers');
    expect(view.mainPid).toBe(10);
    expect(view.workers.map((w) => [w.pid, w.state])).toEqual([
      [11, 'running'],
      [12, 'idle'],
    ]);
    expect(view.workers[1]?.received?.[0]?.display).toBe('1.4');
    const done = reduceRun(view, {
      runId: 3,
      type: 'task-done',
      slot: 0,
      pid: 11,
      taskIndex: 0,
      value: 1.4,
      display: '1.4',
    });
    expect(done.workers[0]).toMatchObject({
      state: 'idle',
      tasks: [{ index: 0, state: 'done', display: '1.4' }],
    });
  });

  it('marks the worker that raised, and only it', () => {
    const report = {
      error: {
        name: 'WorkerError',
        message: 'x',
        stack: 'x',
        workerPid: 11,
        taskIndex: 0,
        cause: null,
      },
      workers: [],
      log: ['line'],
      timeline: [],
    } as unknown as RunReport;
    const view = play([...start, { runId: 3, type: 'run-finished', report }]);
    expect(view.status).toBe('finished');
    expect(view.workers.map((w) => w.state)).toEqual(['error', 'done']);
    expect(view.workers[0]?.tasks).toEqual([{ index: 0, state: 'error', display: null }]);
    expect(view.log).toEqual(['line']);
  });

  it('a cancelled run says so and knows the phase it stopped in, not the closing measurement', () => {
    const report = {
      error: {
        name: 'CancelledError',
        message: 'The run was cancelled before it finished.',
        stack: '',
        workerPid: null,
        taskIndex: null,
        cause: null,
      },
      workers: [],
      log: [],
      timeline: [],
    } as unknown as RunReport;
    const view = play([
      ...start,
      { runId: 3, type: 'phase', phase: 'writing-excel' },
      { runId: 3, type: 'phase', phase: 'measuring' },
      { runId: 3, type: 'phase', phase: 'finished' },
      { runId: 3, type: 'run-finished', report },
    ]);
    expect(view.status).toBe('cancelled');
    expect(view.workPhase).toBe('writing-excel');
  });

  it('shows the report’s whole timeline once the run is over, not the live samples a slow tab received', () => {
    const at = (t: number) => ({ t, processes: [] }) as unknown as MemorySample;
    const live = play([...start, { runId: 3, type: 'memory-sample', sample: at(5) }]);
    expect(live.samples).toEqual([at(5)]);
    const report = { error: null, workers: [], log: [], timeline: [at(1), at(3), at(5)] };
    const view = reduceRun(live, {
      runId: 3,
      type: 'run-finished',
      report: report as unknown as RunReport,
    });
    expect(view.samples).toEqual([at(1), at(3), at(5)]);
  });

  it('keeps a worker’s card list short however many tasks it runs, and counts them all', () => {
    const events: RunEvent[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      events.push({ runId: 3, type: 'task-started', taskIndex: i, slot: 0, pid: 11 });
      events.push({
        runId: 3,
        type: 'task-done',
        taskIndex: i,
        slot: 0,
        pid: 11,
        value: 1.4,
        display: '1.4',
      });
    }
    events.push({ runId: 3, type: 'task-started', taskIndex: 5_000, slot: 0, pid: 11 });
    const worker = play([...start, ...events]).workers[0];
    expect(worker?.taskCount).toBe(5_000);
    expect(worker?.tasks.map((t) => t.index)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => i),
      5_000,
    ]);
    expect(worker?.tasks.at(-1)?.state).toBe('running');
    expect(worker?.state).toBe('running');
  });

  it('ignores late events of an older run and resets for a newer one', () => {
    const view = play(start);
    expect(reduceRun(view, { runId: 2, type: 'log', line: 'old' })).toBe(view);
    const next = reduceRun(view, { runId: 4, type: 'phase', phase: 'running' });
    expect(next.workers).toEqual([]);
    expect(next.runId).toBe(4);
  });
});
