/**
 * The tutorial's lessons on real worker processes: the seed's results at 2
 * workers and 100 rows, chunking, worker reuse, and the parent's globals
 * untouched by anything a worker does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS, LESSON_IDS } from '../../shared/lessons';
import { RACE_INCREMENTS } from '../../shared/threads';
import { formatPython, type PythonTuple } from '../../shared/python-format';
import type { RunEvent } from '../../shared/api';
import { createLab, tempFilesOf, type LabFixture } from '../../../test/support/lab-fixture';

let fixture: LabFixture;
beforeAll(() => {
  fixture = createLab();
});
afterAll(() => fixture.dispose());

const SEED_RESULTS: Record<string, unknown> = {
  'read-global': [1.4, 1.4],
  'write-global': [0, 1],
  'full-copy': [1225, 3725],
  'partial-read': [
    { shape: [50, 1], sum: 1225 },
    { shape: [50, 1], sum: 3725 },
  ],
};

describe('the seed lessons at 2 workers and 100 rows', () => {
  it.each(LESSON_IDS.filter((id) => id !== 'change-global' && LESSONS[id].section !== 'beyond'))(
    '%s prints what the notebook printed',
    async (id) => {
      const report = await fixture.lab.run({ experiment: id, nJobs: 2, rows: 100 });
      expect(report.error).toBeNull();
      expect(report.results).toEqual(SEED_RESULTS[id]);
      expect(formatPython(report.results)).toBe(LESSONS[id].notebookOutput.split('\n')[0]);
      expect(report.mainGlobals.find((g) => g.name === 'MY_GLOBAL_VAR')?.display).toBe('1.4');
      const pids = report.workers.map((w) => w.pid);
      expect(new Set(pids).size).toBe(2);
      expect(pids).not.toContain(process.pid);
      expect(report.log[0]).toBe(
        '[Parallel(n_jobs=2)]: Using backend ChildProcessBackend with 2 concurrent workers.',
      );
      expect(report.log.at(-1)).toMatch(
        /^\[Parallel\(n_jobs=2\)\]: Done {3}2 out of {3}2 \| elapsed: +\d+\.\ds finished$/,
      );
    },
  );

  it('read-global: each worker received its own copy of MY_GLOBAL_VAR', async () => {
    const report = await fixture.lab.run({ experiment: 'read-global' });
    for (const worker of report.workers) {
      expect(worker.received).toEqual([
        { name: 'MY_GLOBAL_VAR', kind: 'number', display: '1.4', bytes: 8 },
      ]);
    }
  });

  it('write-global: no global is sent, because the function only has a local of that name', async () => {
    const report = await fixture.lab.run({ experiment: 'write-global' });
    expect(report.workers.every((w) => w.received.length === 0)).toBe(true);
  });

  it('change-global: the worker raises and the parent keeps 1.4', async () => {
    const report = await fixture.lab.run({ experiment: 'change-global' });
    expect(report.results).toBeNull();
    expect(report.error).toMatchObject({
      name: 'WorkerError',
      cause: { name: 'TypeError', message: 'Assignment to constant variable.' },
    });
    expect(report.workers.map((w) => w.pid)).toContain(report.error?.workerPid);
    expect([0, 1]).toContain(report.error?.taskIndex);
    expect(report.error?.stack).toContain('add_to_global_var.js:2');
    expect(report.mainGlobals.find((g) => g.name === 'MY_GLOBAL_VAR')?.display).toBe('1.4');
  });

  it('full-copy: every worker holds the whole dataset; partial-read: only its chunk', async () => {
    const full = await fixture.lab.run({ experiment: 'full-copy', nJobs: 2, rows: 100 });
    expect(full.workers.map((w) => w.datasetBytes)).toEqual([800, 800]);
    expect(full.memory).toEqual({
      datasetBytes: 800,
      mainDatasetBytes: 800,
      workersDatasetBytes: 1600,
      duplication: 2,
    });
    const partial = await fixture.lab.run({ experiment: 'partial-read', nJobs: 2, rows: 100 });
    expect(partial.workers.map((w) => w.datasetBytes)).toEqual([400, 400]);
    expect(partial.memory.duplication).toBe(1);
  });
});

describe('chunks and the pool', () => {
  it('100 rows on 3 workers: chunks of 34, 33, 33 that cover every row', async () => {
    const report = await fixture.lab.run({ experiment: 'partial-read', nJobs: 3, rows: 100 });
    expect(report.results).toEqual([
      { shape: [34, 1], sum: (33 * 34) / 2 },
      { shape: [33, 1], sum: ((34 + 66) * 33) / 2 },
      { shape: [33, 1], sum: ((67 + 99) * 33) / 2 },
    ]);
    expect((report.results as { sum: number }[]).reduce((t, r) => t + r.sum, 0)).toBe(4950);
    const full = await fixture.lab.run({ experiment: 'full-copy', nJobs: 3, rows: 100 });
    expect(full.results).toEqual([561, 1650, 2739]);
  });

  it('8 tasks on 2 workers run on exactly 2 processes, reused by the next run', async () => {
    const first = await fixture.lab.run({ experiment: 'read-global', nJobs: 2, tasks: 8 });
    expect(first.results).toEqual(new Array(8).fill(1.4));
    const pids = first.workers.map((w) => w.pid);
    expect(new Set(pids).size).toBe(2);
    expect(first.workers.flatMap((w) => w.taskIndexes).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
    const second = await fixture.lab.run({ experiment: 'write-global', nJobs: 2, tasks: 8 });
    expect(second.results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(second.workers.map((w) => w.pid)).toEqual(pids);
    expect(second.timings.poolStartMs).toBe(0);
  });

  it('results come back in task order with any batch size, auto included', async () => {
    for (const batchSize of [1, 3, 'auto'] as const) {
      const report = await fixture.lab.run({
        experiment: 'write-global',
        nJobs: 2,
        tasks: 50,
        batchSize,
        verbose: 0,
      });
      expect(report.results).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(report.log).toEqual([]);
    }
  });

  it('reports task events while it runs, each with a worker pid', async () => {
    const events: RunEvent[] = [];
    const report = await fixture.lab.run(
      { experiment: 'read-global', nJobs: 2 },
      { onEvent: (e) => events.push(e), announceStarts: true },
    );
    const pids = report.workers.map((w) => w.pid);
    const done = events.filter((e) => e.type === 'task-done');
    expect(done.map((e) => (e.type === 'task-done' ? e.taskIndex : -1)).sort()).toEqual([0, 1]);
    for (const e of done) if (e.type === 'task-done') expect(pids).toContain(e.pid);
    expect(events.filter((e) => e.type === 'task-started')).toHaveLength(2);
    expect(events[0]?.type).toBe('run-started');
    expect(events.at(-1)?.type).toBe('run-finished');
  });

  it('partial reads leave no temporary file and no open handle behind', async () => {
    const report = await fixture.lab.run({ experiment: 'partial-read', nJobs: 2, rows: 20_000 });
    expect(report.error).toBeNull();
    expect(report.workers.map((w) => w.openXlsxHandles)).toEqual([0, 0]);
    expect(tempFilesOf(report.workers.map((w) => w.pid))).toEqual([]);
  });
});

describe('a pool started ahead of time', () => {
  it('is used by the first run, and a run that asks meanwhile waits for it instead of starting more', async () => {
    const early = createLab();
    try {
      early.lab.prestart(2);
      const report = await early.lab.run({ experiment: 'read-global', nJobs: 2 });
      expect(report.results).toEqual([1.4, 1.4]);
      expect(early.lab.workerPids).toHaveLength(2);
      expect(new Set(early.lab.workerPids)).toEqual(new Set(report.workers.map((w) => w.pid)));
    } finally {
      await early.dispose();
    }
  });
});

/** (pid, CALLS) of each task of a worker-reuse run, in task order. */
const calls = (results: unknown[] | null): [number, number][] =>
  (results ?? []).map((r) => (r as PythonTuple).tuple as [number, number]);

/** Each worker's counts in task order: a worker's module counter goes 1, 2, 3 … from where it stood. */
function countsByWorker(pairs: [number, number][]): Map<number, number[]> {
  const by = new Map<number, number[]>();
  for (const [pid, count] of pairs) by.set(pid, [...(by.get(pid) ?? []), count]);
  return by;
}

describe('beyond the seed: what joblib really does (anchors/joblib_reuse.py)', () => {
  it('global-write: each task changes its own fresh copy; [1.4, 2.4], six tasks 1.4 … 6.4, the parent keeps 1.4', async () => {
    const two = await fixture.lab.run({ experiment: 'global-write' });
    expect(two.results).toEqual([1.4, 2.4]);
    expect(two.mainGlobals.find((g) => g.name === 'MY_GLOBAL_VAR')?.display).toBe('1.4');
    const six = await fixture.lab.run({ experiment: 'global-write', tasks: 6 });
    expect(formatPython(six.results)).toBe('[1.4, 2.4, 3.4, 4.4, 5.4, 6.4]');
    expect(six.mainGlobals.find((g) => g.name === 'MY_GLOBAL_VAR')?.display).toBe('1.4');
  });

  it('worker-reuse from the notebook: every task counts 1 (fresh globals per task); the parent keeps CALLS = 0', async () => {
    const report = await fixture.lab.run({ experiment: 'worker-reuse', tasks: 6 });
    expect(calls(report.results).map(([, n]) => n)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(report.mainGlobals.find((g) => g.name === 'CALLS')?.display).toBe('0');
  });

  it('worker-reuse from a module: 1 … k per worker, k adding up to the tasks, going on at the next run, back to 1 after a restart', async () => {
    await fixture.lab.restartWorkers();
    const request = { experiment: 'worker-reuse', tasks: 6, definedIn: 'module' } as const;
    const first = calls((await fixture.lab.run(request)).results);
    const byWorker = countsByWorker(first);
    let total = 0;
    for (const counts of byWorker.values()) {
      expect(counts).toEqual(counts.map((_, i) => i + 1));
      total += counts.length;
    }
    expect(total).toBe(6);
    // The next run goes on where each worker stood.
    const second = countsByWorker(calls((await fixture.lab.run(request)).results));
    for (const [pid, counts] of second) {
      const before = byWorker.get(pid)?.length ?? 0;
      expect(counts).toEqual(counts.map((_, i) => before + i + 1));
    }
    await fixture.lab.restartWorkers();
    const fresh = countsByWorker(calls((await fixture.lab.run(request)).results));
    for (const counts of fresh.values()) expect(counts[0]).toBe(1);
    expect([...fresh.keys()].some((pid) => byWorker.has(pid))).toBe(false);
  });

  it('only a function that writes its globals can be imported from a module', async () => {
    await expect(
      fixture.lab.run({ experiment: 'read-global', definedIn: 'module' }),
    ).rejects.toThrow(
      /Invalid definedIn: "module"\. Allowed: "notebook", or "module" for global-write and worker-reuse/,
    );
  });

  it('shared-memory: each thread changes its own global ([1.4, 2.4], the main thread keeps 1.4), reads one shared copy, and a plain += loses the race Atomics.add wins', async () => {
    const report = await fixture.lab.run({ experiment: 'shared-memory', rows: 100 });
    expect(report.error).toBeNull();
    expect(report.results).toEqual([1.4, 2.4]);
    const threads = report.threads;
    if (!threads) throw new Error('no threads in the report');
    expect(threads.mainThreadGlobal).toBe(1.4);
    expect(threads.threads.map((t) => t.sum)).toEqual([1225, 3725]);
    expect(threads.threads.every((t) => t.seenWrites === 2)).toBe(true);
    expect(threads.sharedBytes).toBe(800);
    expect(threads.race.expected).toBe(2 * RACE_INCREMENTS);
    expect(threads.race.atomic).toBe(threads.race.expected);
    expect(threads.race.plain).toBeLessThanOrEqual(threads.race.expected);
    // One process holds the one copy the threads share; the parent builds none.
    expect(report.workers).toHaveLength(1);
    expect(report.memory.workersDatasetBytes).toBe(800);
    expect(report.memory.mainDatasetBytes).toBe(0);
    expect(report.mainGlobals.map((g) => g.name)).toEqual(['MY_GLOBAL_VAR']);
  });

  it.runIf(process.platform === 'linux')(
    "shared-memory at 1,000,000 rows: the threads' process still holds its one copy when measured, and each thread keeps under 1 MiB of heap",
    async () => {
      const report = await fixture.lab.run({
        experiment: 'shared-memory',
        tasks: 4,
        rows: 1_000_000,
        verbose: 0,
      });
      const d = 8_000_000;
      const [worker] = report.workers;
      if (!worker?.memory.after) throw new Error("the threads' process was not measured");
      const growth = (worker.memory.after.uss ?? 0) - (worker.memory.baseline.uss ?? 0);
      expect(worker.datasetBytes).toBe(d);
      // Freed before measuring, the copy would not show: growth under D.
      expect(growth).toBeGreaterThan(0.95 * d);
      for (const thread of report.threads?.threads ?? [])
        expect(thread.heapGrowth).toBeLessThan(1024 * 1024);
      expect(report.threads?.threads).toHaveLength(4);
    },
  );

  it('shared-memory runs one thread per task, at most 32', async () => {
    await expect(
      fixture.lab.run({ experiment: 'shared-memory', tasks: 33, rows: 100 }),
    ).rejects.toThrow(
      /Invalid tasks: 33\. Allowed: at most 32: shared-memory runs one thread per task/,
    );
  });
});
