/**
 * Stepping through a run, on real processes: the run holds at each step
 * point until `step()`, the points come in the lesson's order, and what each
 * says matches the run's own report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/api';
import type { StepPoint } from '../../shared/step-points';
import { createLab, type LabFixture } from '../../../test/support/lab-fixture';
import { TWO_TASK_STEPS } from '../../../test/support/step-order';

const fixtures: LabFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});

/** Runs `request` stepwise, stepping on at each point once the run is seen holding there. */
async function stepThrough(request: Record<string, unknown>): Promise<{
  points: StepPoint[];
  events: RunEvent[];
  report: Awaited<ReturnType<LabFixture['lab']['run']>>;
}> {
  const fixture = createLab();
  fixtures.push(fixture);
  const events: RunEvent[] = [];
  const points: StepPoint[] = [];
  const report = await fixture.lab.run(request, {
    stepwise: true,
    announceStarts: true,
    onEvent: (event) => {
      events.push(event);
      if (event.type !== 'step') return;
      points.push(event.point);
      expect(event.step).toBe(points.length);
      // Held: nothing goes on until the Step, however long the class looks; only the
      // memory samples, and a started task's own reading progress (the task runs in its worker).
      setTimeout(() => {
        const after = events.length;
        setTimeout(() => {
          const moved = events
            .slice(after)
            .filter((e) => e.type !== 'memory-sample' && e.type !== 'read-progress');
          expect(moved).toEqual([]);
          expect(fixture.lab.step()).toBe(true);
        }, 60);
      }, 60);
    },
  });
  return { points, events, report };
}

describe('a stepwise run', () => {
  it('read-global: globals, serialised copy, each worker’s copy, each task, each result, the print', async () => {
    const { points, report } = await stepThrough({ experiment: 'read-global' });
    expect(report.error).toBeNull();
    expect(points.map((p) => p.kind)).toEqual([...TWO_TASK_STEPS]);
    const [globals, serialised] = points;
    expect(globals).toMatchObject({ kind: 'globals', globals: report.mainGlobals });
    expect(serialised).toMatchObject({ kind: 'serialised', taskName: 'return_global_var' });
    if (serialised?.kind !== 'serialised') throw new Error('no serialised point');
    expect(serialised.globals.map((g) => g.name)).toEqual(['MY_GLOBAL_VAR']);
    expect(serialised.bytes).toBeGreaterThan(serialised.codeBytes);
    const installed = points.filter((p) => p.kind === 'installed');
    expect(installed.map((p) => p.pid)).toEqual(report.workers.map((w) => w.pid));
    for (const point of installed)
      expect(point.received).toEqual(report.workers.find((w) => w.pid === point.pid)?.received);
    // One batch at a time, the workers taking turns.
    const running = points.filter((p) => p.kind === 'running');
    expect(running.map((p) => [p.taskIndex, p.call])).toEqual([
      [0, 'return_global_var()'],
      [1, 'return_global_var()'],
    ]);
    expect(new Set(running.map((p) => p.pid)).size).toBe(2);
    const returned = points.filter((p) => p.kind === 'returned');
    expect(returned.flatMap((p) => p.results.map((r) => r.display))).toEqual(['1.4', '1.4']);
    expect(points.at(-1)).toEqual({ kind: 'printed', printed: report.printedResults });
  });

  it('partial-read: the copies sent hold no dataset, and each task reads its own chunk', async () => {
    const { points, report } = await stepThrough({ experiment: 'partial-read', rows: 100 });
    expect(report.printedResults).toBe('[((50, 1), 1225), ((50, 1), 3725)]');
    const serialised = points.find((p) => p.kind === 'serialised');
    expect(serialised).toMatchObject({ globals: [], taskName: 'read_and_sum_data' });
    const running = points.filter((p) => p.kind === 'running');
    expect(running.map((p) => p.call)).toEqual([
      'read_and_sum_data(0, 50)',
      'read_and_sum_data(50, 100)',
    ]);
    const returned = points.filter((p) => p.kind === 'returned');
    expect(returned.flatMap((p) => p.results.map((r) => r.display))).toEqual([
      '((50, 1), 1225)',
      '((50, 1), 3725)',
    ]);
    expect(points.at(-1)).toEqual({ kind: 'printed', printed: report.printedResults });
  });

  it('a cancel while it holds ends the run as cancelled, with no hold left behind', async () => {
    const fixture = createLab();
    fixtures.push(fixture);
    const report = await fixture.lab.run(
      { experiment: 'read-global' },
      {
        stepwise: true,
        onEvent: (event) => {
          if (event.type === 'step' && event.point.kind === 'installed') fixture.lab.cancel();
          else if (event.type === 'step') setTimeout(() => fixture.lab.step(), 10);
        },
      },
    );
    expect(report.error?.name).toBe('CancelledError');
    expect(fixture.lab.step()).toBe(false);
    const next = await fixture.lab.run({ experiment: 'read-global' });
    expect(next.results).toEqual([1.4, 1.4]);
  });

  it('a worker killed while the run holds ends it at once, as a TerminatedWorkerError', async () => {
    const fixture = createLab();
    fixtures.push(fixture);
    let victim = 0;
    const report = await fixture.lab.run(
      { experiment: 'read-global' },
      {
        stepwise: true,
        onEvent: (event) => {
          if (event.type !== 'step') return;
          if (event.point.kind === 'running' && !victim) {
            victim = event.point.pid;
            fixture.lab.killWorker(victim);
          } else setTimeout(() => fixture.lab.step(), 10);
        },
      },
    );
    expect(report.error).toMatchObject({ name: 'TerminatedWorkerError', workerPid: victim });
    expect(fixture.lab.busy).toBe(false);
  });
});
