/**
 * The memory figures, measured from the OS on real processes: a full copy
 * costs each worker the dataset, a partial read only its chunk, threads one
 * shared copy in their process, and the guard refuses a run too big before
 * it starts anything. The USS figures
 * exist on Linux only; elsewhere those tests are skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIB } from '../../shared/memory';
import { MemoryGuardError } from '../../shared/memory-guard';
import type { CompareOutcome, CompareReport } from '../../shared/report';
import { createLab, type LabFixture } from '../../../test/support/lab-fixture';

const linux = process.platform === 'linux';
const ROWS = 1_000_000;
const DATASET = ROWS * 8;

let fixture: LabFixture;
beforeAll(() => {
  fixture = createLab();
});
afterAll(() => fixture.dispose());

/** The report of a comparison that ran to its end; a stopped one fails the test with its reason. */
function completed(outcome: CompareOutcome): CompareReport {
  if (outcome.outcome !== 'complete')
    throw new Error(`the comparison stopped: ${outcome.error.message}`);
  return outcome;
}

const ussGrowth = (worker: {
  memory: { baseline: { uss: number | null }; after: { uss: number | null } | null };
}): number =>
  ((worker.memory.after?.uss ?? Number.NaN) - (worker.memory.baseline.uss ?? Number.NaN)) / MIB;

describe('the memory strategies, measured: full copy, partial read, shared memory', () => {
  it.runIf(linux)(
    'full copy: duplication 4.0, and each worker grows by the dataset, within 10%',
    async () => {
      const report = await fixture.lab.run({
        experiment: 'full-copy',
        nJobs: 4,
        rows: ROWS,
        verbose: 0,
      });
      expect(report.memory.duplication).toBe(4);
      expect(report.memory.workersDatasetBytes).toBe(4 * DATASET);
      for (const worker of report.workers) {
        expect(worker.datasetBytes).toBe(DATASET);
        expect(ussGrowth(worker)).toBeGreaterThan(0.9 * (DATASET / MIB));
        expect(ussGrowth(worker)).toBeLessThan(1.1 * (DATASET / MIB));
      }
    },
  );

  it.runIf(linux)(
    'partial read: duplication 1.0, and each worker grows by at most its chunk plus 8 MiB',
    async () => {
      const report = await fixture.lab.run({
        experiment: 'partial-read',
        nJobs: 4,
        rows: ROWS,
        verbose: 0,
      });
      expect(report.memory.duplication).toBe(1);
      for (const worker of report.workers) {
        expect(worker.datasetBytes).toBe(DATASET / 4);
        expect(ussGrowth(worker)).toBeLessThanOrEqual(DATASET / 4 / MIB + 8);
        // It does hold its chunk: the growth cannot be less than what it holds.
        expect(ussGrowth(worker)).toBeGreaterThan((0.9 * DATASET) / 4 / MIB);
      }
    },
  );

  it('a comparison cancelled during its second step says where it stopped, and holds no figures', async () => {
    const outcome = await fixture.lab.compare(
      { nJobs: 2, rows: 1_000_000, sweep: true },
      {
        onEvent: (event) => {
          if (event.type === 'run-started' && event.params.experiment === 'partial-read')
            fixture.lab.cancel();
        },
      },
    );
    expect(outcome).toMatchObject({
      outcome: 'cancelled',
      stoppedDuring: { experiment: 'partial-read', nJobs: 2, sweep: false },
      error: { name: 'CancelledError' },
    });
    expect(outcome).not.toHaveProperty('strategies');
    expect(outcome).not.toHaveProperty('sweep');
  });

  it('compare: three strategies, per process, with the ideal totals and a sweep', async () => {
    const report = completed(await fixture.lab.compare({ nJobs: 2, rows: 200_000, sweep: true }));
    const [full, partial, shared] = report.strategies;
    if (!full || !partial || !shared) throw new Error('a strategy is missing');
    const d = 200_000 * 8;
    expect(report.datasetBytes).toBe(d);
    expect(report.strategies.map((s) => s.experiment)).toEqual([
      'full-copy',
      'partial-read',
      'shared-memory',
    ]);
    expect(full.duplication).toBe(2);
    expect(full.idealBytes).toBe(3 * d);
    expect(full.threadHeapGrowth).toBeNull();
    expect(full.processes.map((p) => [p.role, p.datasetBytes])).toEqual([
      ['main', d],
      ['worker', d],
      ['worker', d],
    ]);
    expect(partial.duplication).toBe(1);
    expect(partial.idealBytes).toBe(2 * d);
    expect(partial.processes.slice(1).map((p) => p.datasetBytes)).toEqual([d / 2, d / 2]);
    // The threads' one process holds the one copy; the parent none.
    expect(shared.idealBytes).toBe(d);
    expect(shared.processes.map((p) => [p.role, p.datasetBytes])).toEqual([
      ['main', 0],
      ['worker', d],
    ]);
    expect(shared.threadHeapGrowth).toHaveLength(2);
    expect(report.sweep?.map((p) => p.workers)).toEqual([1, 2]);
    expect(report.sweep?.map((p) => p.strategies.map((s) => s.experiment))).toEqual([
      ['full-copy', 'partial-read', 'shared-memory'],
      ['full-copy', 'partial-read', 'shared-memory'],
    ]);
    expect(report.sweep?.map((p) => p.strategies.map((s) => s.idealBytes))).toEqual([
      [2 * d, 2 * d, d],
      [3 * d, 2 * d, d],
    ]);
    if (linux) {
      expect(report.figure).toBe('uss');
      for (const point of report.sweep ?? []) {
        const fullCopy = point.strategies[0];
        expect(fullCopy?.measuredBytes).toBeGreaterThan(0.9 * (fullCopy?.idealBytes ?? 0));
        expect(fullCopy?.measuredBytes).toBeLessThan(1.1 * (fullCopy?.idealBytes ?? 0) + 2 * MIB);
      }
    }
  });

  it.runIf(linux)(
    "compare at 4 workers and 1,000,000 rows: the threads' process holds about 1·D, each thread under 1 MiB of its own",
    async () => {
      const outcome = completed(
        await fixture.lab.compare({
          nJobs: 4,
          rows: 1_000_000,
          strategies: 'full-copy,partial-read,shared-memory',
        }),
      );
      const shared = outcome.strategies[2];
      const d = 8_000_000;
      expect(shared?.experiment).toBe('shared-memory');
      expect(shared?.idealBytes).toBe(d);
      expect(shared?.mainDatasetBytes).toBe(0);
      // One copy, whatever the threads: its growth is D and what the four threads left, under 1 MiB each.
      expect(shared?.workersMeasuredBytes).toBeGreaterThan(0.95 * d);
      expect(shared?.workersMeasuredBytes).toBeLessThan(d + 4 * MIB);
      expect(shared?.threadHeapGrowth).toHaveLength(4);
      for (const growth of shared?.threadHeapGrowth ?? []) expect(growth).toBeLessThan(MIB);
    },
  );

  it('a comparison measures each step on new workers: what ran before does not hide its growth', async () => {
    const before = await fixture.lab.run({
      experiment: 'full-copy',
      nJobs: 2,
      rows: 2_000_000,
      verbose: 0,
    });
    const outcome = completed(await fixture.lab.compare({ nJobs: 2, rows: 200_000 }));
    const pids = (processes: readonly { role: string; pid: number }[]): number[] =>
      processes.filter((p) => p.role === 'worker').map((p) => p.pid);
    const seen = [
      before.workers.map((w) => w.pid),
      ...outcome.strategies.map((s) => pids(s.processes)),
    ];
    expect(new Set(seen.flat()).size).toBe(seen.flat().length);
    if (linux)
      for (const strategy of outcome.strategies)
        expect(strategy.workersMeasuredBytes).toBeGreaterThan(0.9 * strategy.workersDatasetBytes);
  });

  it('compare runs only the strategies asked for, in their order', async () => {
    const outcome = completed(
      await fixture.lab.compare({
        nJobs: 2,
        rows: 1_000,
        strategies: ['shared-memory', 'full-copy'],
      }),
    );
    expect(outcome.params.strategies).toEqual(['full-copy', 'shared-memory']);
    expect(outcome.strategies.map((s) => s.experiment)).toEqual(['full-copy', 'shared-memory']);
    expect(outcome.sweep).toBeNull();
  });

  it('samples every process during a run, the parent and each worker', async () => {
    const report = await fixture.lab.run({
      experiment: 'full-copy',
      nJobs: 2,
      rows: 2_000_000,
      verbose: 0,
    });
    const pids = new Set(report.timeline.flatMap((sample) => sample.processes.map((p) => p.pid)));
    expect(pids).toContain(process.pid);
    for (const worker of report.workers) expect(pids).toContain(worker.pid);
    expect(report.timeline.length).toBeGreaterThanOrEqual(2);
    const times = report.timeline.map((sample) => sample.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    if (linux) {
      const last = report.timeline.at(-1)?.processes.find((p) => p.role === 'worker');
      expect(last?.uss).toBeGreaterThan(2_000_000 * 8);
    }
  });
});

describe('the memory guard', () => {
  it('refuses a run far beyond any machine before spawning anything', async () => {
    const fresh = createLab();
    try {
      await expect(
        fresh.lab.run({ experiment: 'full-copy', nJobs: 32, rows: 2_000_000_000 }),
      ).rejects.toBeInstanceOf(MemoryGuardError);
      expect(fresh.lab.workerPids).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });
});
