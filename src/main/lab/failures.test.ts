/**
 * What goes wrong, on real processes and real files: a worker killed
 * mid-task, a cancelled run, a missing, corrupt, non-numeric or hostile workbook, a
 * second run while one is going, and closing the pool. None of them may hang
 * or leave a process behind.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/api';
import { createLab, isAlive, type LabFixture } from '../../../test/support/lab-fixture';
import { range, writeWorkbook } from '../../../test/support/workbooks';
import {
  buildXlsx,
  dataRows,
  HEADER_ROW,
  range as xlsxRange,
  sheetXml,
} from '../../../test/support/xlsx-builder';
import { deflatedRepeat, PIECE } from '../../../test/support/zip-builder';

const fixtures: LabFixture[] = [];
function lab(options?: Parameters<typeof createLab>[0]): LabFixture {
  const fixture = createLab(options);
  fixtures.push(fixture);
  return fixture;
}
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});

/** Runs partial-read and calls `act` with the first worker that reports reading progress. */
async function duringRead(fixture: LabFixture, rows: number, act: (pid: number) => void) {
  let acted = false;
  const started = performance.now();
  const report = await fixture.lab.run(
    { experiment: 'partial-read', nJobs: 2, rows },
    {
      onEvent: (event: RunEvent) => {
        if (event.type === 'read-progress' && !acted) {
          acted = true;
          act(event.pid);
        }
      },
    },
  );
  return { report, acted, seconds: (performance.now() - started) / 1000 };
}

describe('a worker that dies', () => {
  it('SIGKILL mid-task ends the run with a terminated-worker error naming the pid, and nothing is left', async () => {
    const fixture = lab();
    let killedAt = 0;
    let victim = 0;
    const { report, acted } = await duringRead(fixture, 1_048_575, (pid) => {
      victim = pid;
      killedAt = performance.now();
      process.kill(pid, 'SIGKILL');
    });
    const reactedIn = (performance.now() - killedAt) / 1000;
    expect(acted).toBe(true);
    expect(report.error).toMatchObject({
      name: 'TerminatedWorkerError',
      workerPid: victim,
      signal: 'SIGKILL',
      exitCode: null,
    });
    expect(report.error?.message).toContain(`pid ${victim}`);
    expect(report.results).toBeNull();
    expect(reactedIn).toBeLessThan(15);
    const pids = report.workers.map((w) => w.pid);
    await fixture.lab.close();
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('the next run replaces the dead worker', async () => {
    const fixture = lab();
    const first = await fixture.lab.run({ experiment: 'read-global' });
    const [victim, survivor] = first.workers.map((w) => w.pid) as [number, number];
    process.kill(victim, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await fixture.lab.run({ experiment: 'read-global' });
    expect(second.error).toBeNull();
    const pids = second.workers.map((w) => w.pid);
    expect(pids).toContain(survivor);
    expect(pids).not.toContain(victim);
  });
});

describe('killing a worker from the lab (the class watches)', () => {
  it('ends the run with a terminated-worker error naming SIGKILL, and the next run starts every worker afresh, as loky does', async () => {
    const fixture = lab();
    let victim = 0;
    let killed = false;
    const report = await fixture.lab.run(
      { experiment: 'partial-read', nJobs: 2, rows: 1_048_575 },
      {
        onEvent: (event) => {
          if (event.type !== 'read-progress' || victim) return;
          victim = event.pid;
          killed = fixture.lab.killWorker(victim);
        },
      },
    );
    expect(killed).toBe(true);
    expect(report.error).toMatchObject({
      name: 'TerminatedWorkerError',
      workerPid: victim,
      signal: 'SIGKILL',
    });
    const before = report.workers.map((w) => w.pid);
    const next = await fixture.lab.run({ experiment: 'read-global' });
    expect(next.results).toEqual([1.4, 1.4]);
    expect(next.workers.map((w) => w.pid).filter((pid) => before.includes(pid))).toEqual([]);
    expect(before.filter(isAlive)).toEqual([]);
    // Outside a run there is nothing to kill.
    expect(fixture.lab.killWorker(next.workers[0]?.pid ?? 0)).toBe(false);
  });
});

describe('killing a worker the moment the pool hands it over', () => {
  // Before the fix this run waited for the 60 s silence bound of a worker still receiving, past the test's timeout.
  it('ends the run at once with a terminated-worker error, not after a silence bound', async () => {
    const fixture = lab();
    let victim = 0;
    const report = await fixture.lab.run(
      { experiment: 'read-global', tasks: 100_000 },
      {
        onEvent: (event) => {
          if (event.type !== 'workers-ready' || victim) return;
          victim = event.workers[0]?.pid ?? 0;
          fixture.lab.killWorker(victim);
        },
      },
    );
    expect(report.error).toMatchObject({ name: 'TerminatedWorkerError', workerPid: victim });
    const next = await fixture.lab.run({ experiment: 'read-global' });
    expect(next.results).toEqual([1.4, 1.4]);
  }, 20_000);
});

describe('a worker that stops (never wait blind)', () => {
  it('SIGSTOP mid-read: the run ends, naming the pid, the state T and the task; the worker is killed and replaced', async () => {
    const fixture = lab({ stallMs: 1_500 });
    let victim = 0;
    let stoppedAt = 0;
    const { report, acted } = await duringRead(fixture, 1_048_575, (pid) => {
      victim = pid;
      stoppedAt = performance.now();
      process.kill(pid, 'SIGSTOP');
    });
    const waited = (performance.now() - stoppedAt) / 1000;
    expect(acted).toBe(true);
    expect(report.error).toMatchObject({
      name: 'StalledWorkerError',
      workerPid: victim,
      taskIndex: report.workers.find((w) => w.pid === victim)?.slot,
      detail: { code: 'stalled', state: 'T' },
    });
    expect(report.error?.message).toContain('stopped by a signal (state T');
    expect(report.results).toBeNull();
    expect(waited).toBeGreaterThanOrEqual(1.5);
    expect(waited).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(victim)).toBe(false);
    const next = await fixture.lab.run({ experiment: 'read-global' });
    expect(next.results).toEqual([1.4, 1.4]);
    expect(next.workers.map((w) => w.pid)).not.toContain(victim);
  });

  it("a task past joblib's timeout ends the run with TimeoutError after that many seconds", async () => {
    const fixture = lab();
    let victim = 0;
    let stoppedAt = 0;
    const report = await fixture.lab.run(
      { experiment: 'partial-read', nJobs: 2, rows: 1_048_575, timeout: 1 },
      {
        onEvent: (event) => {
          if (event.type !== 'read-progress' || victim) return;
          victim = event.pid;
          stoppedAt = performance.now();
          process.kill(victim, 'SIGSTOP');
        },
      },
    );
    const waited = (performance.now() - stoppedAt) / 1000;
    expect(report.params.timeout).toBe(1);
    expect(report.error).toMatchObject({
      name: 'TimeoutError',
      workerPid: victim,
      detail: { code: 'task-timeout', seconds: 1 },
    });
    expect(report.error?.message).toMatch(
      /^Task \d ran longer than the timeout of 1 s in worker pid \d+\./,
    );
    // Well before the 10 s silence bound: the timeout decided.
    expect(waited).toBeLessThan(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(victim)).toBe(false);
  });
});

describe('cancelling', () => {
  it('a run cancelled halfway ends with CancelledError and the pool still works', async () => {
    const fixture = lab();
    const { report } = await duringRead(fixture, 1_048_575, () => fixture.lab.cancel());
    expect(report.error?.name).toBe('CancelledError');
    expect(report.results).toBeNull();
    const next = await fixture.lab.run({ experiment: 'read-global' });
    expect(next.results).toEqual([1.4, 1.4]);
  });

  it('refuses a second run while one is in progress', async () => {
    const fixture = lab();
    const first = fixture.lab.run({ experiment: 'partial-read', rows: 50_000 });
    await expect(fixture.lab.run({ experiment: 'read-global' })).rejects.toThrow(
      /already in progress/,
    );
    expect((await first).error).toBeNull();
  });
});

describe('a cancel as the workers start', () => {
  it('is not lost while they measure their baselines: the run ends cancelled, with no results', async () => {
    const fixture = lab();
    let cancelled = false;
    const report = await fixture.lab.run(
      { experiment: 'full-copy', nJobs: 4, rows: 5_000_000 },
      {
        onEvent: (event) => {
          // 'workers-ready' comes before the baselines are measured and the copies sent.
          if (event.type === 'workers-ready' && !cancelled) cancelled = fixture.lab.cancel();
        },
      },
    );
    expect(cancelled).toBe(true);
    expect(report.error?.name).toBe('CancelledError');
    expect(report.results).toBeNull();
  });
});

describe('a bad workbook', () => {
  it('missing: the error names the file', async () => {
    const fixture = lab({ existingDatabase: true });
    const report = await fixture.lab.run({ experiment: 'partial-read' });
    expect(report.error).toMatchObject({ name: 'WorkerError', cause: { name: 'ExcelError' } });
    expect(report.error?.message).toContain('my_database.xlsx');
    expect(report.error?.message).toContain('does not exist');
  });

  it('corrupt: the error names the file and says it is not a workbook', async () => {
    const fixture = lab({ existingDatabase: true });
    writeFileSync(
      join(fixture.dataDir, 'my_database.xlsx'),
      'this is not a zip file at all\n'.repeat(50),
    );
    const report = await fixture.lab.run({ experiment: 'partial-read' });
    expect(report.error?.message).toMatch(/my_database\.xlsx: not a readable \.xlsx workbook/);
  });

  it('a text cell in my_data: the error names the file, the row and the value', async () => {
    const fixture = lab({ existingDatabase: true });
    await writeWorkbook(
      join(fixture.dataDir, 'my_database.xlsx'),
      range(100).map((i) => (i === 60 ? 'sixty' : i)),
    );
    const report = await fixture.lab.run({ experiment: 'partial-read' });
    // Data row 60 is sheet row 62 (row 1 is the header); it falls in the second task's chunk.
    expect(report.error?.message).toContain(
      'my_database.xlsx, row 62: "my_data" must hold a number, but the cell holds the text "sixty"',
    );
    expect(report.error?.taskIndex).toBe(1);
    expect(report.workers.map((w) => w.openXlsxHandles)).toEqual([0, 0]);
  });

  it('too few rows: the error says where the sheet ends', async () => {
    const fixture = lab({ existingDatabase: true });
    await writeWorkbook(join(fixture.dataDir, 'my_database.xlsx'), range(70));
    const report = await fixture.lab.run({ experiment: 'partial-read', rows: 100 });
    expect(report.error?.message).toContain('the sheet ends after 70 data rows');
  });

  it('a workbook saved by another program, sheet first in the zip: the scanner still reads it', async () => {
    const fixture = lab({ existingDatabase: true });
    await writeWorkbook(join(fixture.dataDir, 'my_database.xlsx'), range(100));
    const report = await fixture.lab.run({ experiment: 'partial-read' });
    expect(report.results).toEqual([
      { shape: [50, 1], sum: 1225 },
      { shape: [50, 1], sum: 3725 },
    ]);
    expect(report.workers.flatMap((w) => w.reads.map((r) => r.reader))).toEqual([
      'scanner',
      'scanner',
    ]);
    expect(report.workers.map((w) => w.openXlsxHandles)).toEqual([0, 0]);
  });

  it('styled cells (a number format, a bold font): the scanner reads them by the same rules', async () => {
    const fixture = lab({ existingDatabase: true });
    await writeWorkbook(join(fixture.dataDir, 'my_database.xlsx'), range(100), true);
    const report = await fixture.lab.run({ experiment: 'partial-read' });
    expect(report.results).toEqual([
      { shape: [50, 1], sum: 1225 },
      { shape: [50, 1], sum: 3725 },
    ]);
    expect(report.workers.flatMap((w) => w.reads.map((r) => r.reader))).toEqual([
      'scanner',
      'scanner',
    ]);
    expect(report.workers.map((w) => w.openXlsxHandles)).toEqual([0, 0]);
  });

  /** Hostile files of a few MB: each fails with its own message, and no worker's resident set passes 128 MiB (VmHWM). */
  const hostile: Array<[string, () => Buffer, RegExp]> = [
    [
      'a sheet that inflates to 1 GiB of spaces',
      () =>
        buildXlsx({
          sheets: [
            {
              name: 'S',
              xml: '',
              entry: { compressed: deflatedRepeat(32, 64), declaredSize: 64 * PIECE - 1 },
            },
          ],
        }),
      /inflates more than 100 times its compressed size/,
    ],
    [
      'workbook.xml that inflates to 2 GiB',
      () =>
        buildXlsx({
          sheets: [{ name: 'S', xml: sheetXml(HEADER_ROW + dataRows(xlsxRange(100))) }],
          extra: [
            {
              name: 'xl/workbook.xml',
              data: '',
              compressed: deflatedRepeat(32, 128),
              declaredSize: 2 ** 31 - 1,
            },
          ],
        }),
      /xl\/workbook\.xml inflates to more than 16 MiB/,
    ],
    [
      'a 64 MiB header row, stored',
      () =>
        buildXlsx({
          sheets: [
            {
              name: 'S',
              xml: sheetXml(
                `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(64 * 1024 * 1024)}</t></is></c></row>`,
              ),
              entry: { method: 0 },
            },
          ],
        }),
      /row 1: the row is longer than 1 MiB/,
    ],
  ];
  it.each(hostile)(
    '%s: a clear error, and every worker stays under 128 MiB',
    async (_name, build, message) => {
      const fixture = lab({ existingDatabase: true });
      writeFileSync(join(fixture.dataDir, 'my_database.xlsx'), build());
      const report = await fixture.lab.run({ experiment: 'partial-read', nJobs: 2 });
      expect(report.error?.message).toMatch(message);
      expect(report.error?.message).toContain('my_database.xlsx');
      for (const worker of report.workers) {
        expect(worker.peakRss).not.toBeNull();
        expect(worker.peakRss as number).toBeLessThan(128 * 1024 * 1024);
      }
    },
  );
});

describe('closing', () => {
  it('close() ends every worker', async () => {
    const fixture = lab();
    const report = await fixture.lab.run({ experiment: 'read-global', nJobs: 4 });
    const pids = report.workers.map((w) => w.pid);
    expect(pids.filter(isAlive)).toHaveLength(4);
    await fixture.lab.close();
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
