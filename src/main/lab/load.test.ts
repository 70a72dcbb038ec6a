/**
 * The load case at test scale (the full one, 32 workers × 100,000 tasks, is
 * a `npm run bench` figure): the most workers the lab allows, thousands of
 * tiny tasks at batch size 1 and 'auto', every result right, every worker
 * used, nothing left behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/params';
import { createLab, isAlive, type LabFixture } from '../../../test/support/lab-fixture';

const fixtures: LabFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});

describe(`${LIMITS.nJobs.max} workers`, () => {
  it.each([1, 'auto'] as const)(
    '3,000 tasks at batch size %s: every result, in order, and no process left',
    async (batchSize) => {
      const fixture = createLab();
      fixtures.push(fixture);
      const report = await fixture.lab.run({
        experiment: 'write-global',
        nJobs: LIMITS.nJobs.max,
        tasks: 3_000,
        batchSize,
        verbose: 0,
      });
      expect(report.error).toBeNull();
      // write-global returns its argument: the results are 0 … 2999, in task order.
      expect(report.results).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
      expect(report.workers).toHaveLength(LIMITS.nJobs.max);
      const ran = report.workers.flatMap((w) => w.taskIndexes).sort((a, b) => a - b);
      expect(ran).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
      expect(report.workers.filter((w) => w.taskIndexes.length > 0).length).toBeGreaterThan(
        LIMITS.nJobs.max / 2,
      );
      const pids = report.workers.map((w) => w.pid);
      await fixture.lab.close();
      expect(pids.filter(isAlive)).toEqual([]);
    },
  );
});
