/**
 * `npm run bench [-- --json | --markdown] [-- --reps N]`: the lab's speed and memory,
 * measured on this machine, each figure the median and spread of N
 * repetitions (at least 3). Printed as a table, or as one JSON document.
 * Figures are reported, never asserted: machines are shared and noisy.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MIB } from '../src/shared/memory';
import { LIMITS } from '../src/shared/params';
import { ROWS_PER_FLUSH_BLOCK } from '../src/shared/workbook-format';
import type { RunReport } from '../src/shared/report';
import { ChildProcessLauncher } from '../src/main/lab/child-process-launcher';
import { makeDataFrame } from '../src/main/lab/dataset';
import { writeDatabase } from '../src/main/lab/excel-database';
import { Lab } from '../src/main/lab/lab';
import { WorkerPool } from '../src/main/lab/pool';
import { LabService } from '../src/main/lab/service';
import { startWebHost } from '../src/main/web/server';
import WebSocket from 'ws';
import TARGETS from './targets.json';
import { runMain } from '../src/main/cli/run-main';
import { builtWorker } from '../src/main/lab/launcher';
import { ratios, runTutorial, type Ratio, type Tutorial } from './tutorial';

/** The built worker every host forks (`npm run bench` builds the app first). */
const WORKER = builtWorker(join(__dirname, '../main'));
const EXCEL_ROWS = LIMITS.excelRows.max;
const TINY_TASKS = 10_000;
/** The load case of the never-hangs issue: 32 workers × 100,000 tasks, and 800 runs in one session. */
const LOAD_WORKERS = 32;
const LOAD_TASKS = 100_000;
const HOST_RUNS = 800;

/** Median, min and max of repeated measurements. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number, n: sorted.length };
}

/** The parent's resident set, sampled every 10 ms while a step runs. */
class PeakSampler {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }, 10);
  stop(): number {
    clearInterval(this.timer);
    return Math.max(this.peak, process.memoryUsage.rss());
  }
}

function newLab(dataDir: string, existingDatabase = false): Lab {
  return new Lab({
    launcher: new ChildProcessLauncher(WORKER),
    dataDir,
    existingDatabase,
  });
}

async function run(lab: Lab, request: Record<string, unknown>): Promise<RunReport> {
  const report = await lab.run({ verbose: 0, ...request });
  if (report.error)
    throw new Error(`${String(request.experiment)} failed: ${report.error.message}`);
  return report;
}

interface Results {
  /** The tutorial's own code, run in this same bench (or why it could not be). */
  tutorial: Tutorial;
  /** The lab against it, figure by figure, when it ran. */
  ratios: Ratio[] | null;
  load: {
    tasks: Record<
      'batch1' | 'auto',
      { wallMs: number; parentPeakRssMiB: number; correct: boolean; leftOver: number }
    >;
    hostSession: {
      runs: number;
      failed: number;
      marks: { run: number; rssMiB: number; descriptors: number | null }[];
    };
  };
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  repetitions: number;
  poolReady: Record<string, { ms: Stat; workerRssMiB: Stat; parentPeakRssMiB: Stat }>;
  tinyTasks: Record<
    'batch1' | 'auto',
    { tasksPerSecond: Stat; wallMs: Stat; parentPeakRssMiB: Stat }
  >;
  excelWrite: { rows: number; wallMs: Stat; rowsPerSecond: Stat; parentPeakRssMiB: Stat };
  partialRead: Record<
    string,
    {
      wallMs: Stat;
      rowsPerSecond: Stat;
      firstRowMs: Stat[];
      workerPeakRssMiB: Stat;
      workerUssDeltaMiB: Stat;
      parentPeakRssMiB: Stat;
      /** Bytes each worker read from the file and inflated, against the whole sheet. */
      compressedMiB: Stat;
      inflatedMiB: Stat;
      sheetInflatedMiB: number;
      /** How far the worker that read most went past its share, in flush blocks of the sheet. */
      blocksPastShare: number;
    }
  >;
  fullCopy: Record<
    string,
    { wallMs: Stat; workerRssAfterMiB: Stat; workerUssDeltaMiB: Stat; parentPeakRssMiB: Stat }
  >;
}

async function benchPoolReady(reps: number, dataDir: string): Promise<Results['poolReady']> {
  const out: Results['poolReady'] = {};
  for (const n of [1, 2, 4, 8]) {
    const times: number[] = [];
    const workerRss: number[] = [];
    const parentPeaks: number[] = [];
    for (let r = 0; r < reps; r += 1) {
      const pool = new WorkerPool({
        launcher: new ChildProcessLauncher(WORKER),
        cwd: dataDir,
      });
      const sampler = new PeakSampler();
      const started = performance.now();
      const { workers } = await pool.ensure(n);
      times.push(performance.now() - started);
      parentPeaks.push(sampler.stop() / MIB);
      for (const worker of workers) if (worker.baseline) workerRss.push(worker.baseline.rss / MIB);
      await pool.close();
    }
    out[`${n}`] = {
      ms: stat(times),
      workerRssMiB: stat(workerRss),
      parentPeakRssMiB: stat(parentPeaks),
    };
  }
  return out;
}

async function benchTinyTasks(reps: number, dataDir: string): Promise<Results['tinyTasks']> {
  const lab = newLab(dataDir);
  try {
    await run(lab, { experiment: 'write-global', nJobs: 2 }); // Start the pool: it is reused, as in the app.
    const measure = async (batchSize: number | 'auto') => {
      const rates: number[] = [];
      const walls: number[] = [];
      const parentPeaks: number[] = [];
      for (let r = 0; r < reps; r += 1) {
        const sampler = new PeakSampler();
        const report = await run(lab, {
          experiment: 'write-global',
          nJobs: 2,
          tasks: TINY_TASKS,
          batchSize,
        });
        parentPeaks.push(sampler.stop() / MIB);
        walls.push(report.timings.runMs);
        rates.push((TINY_TASKS / report.timings.runMs) * 1000);
      }
      return {
        tasksPerSecond: stat(rates),
        wallMs: stat(walls),
        parentPeakRssMiB: stat(parentPeaks),
      };
    };
    return { batch1: await measure(1), auto: await measure('auto') };
  } finally {
    await lab.close();
  }
}

/** Processes that a closed lab left behind: none, or the bench says so. */
function leftOver(pids: readonly number[]): number {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }).length;
}

/**
 * The load case at full scale: 32 workers × 100,000 tiny tasks, at
 * batch size 1 and 'auto', once each (each takes seconds). Correct means
 * every result is there and is the parent's 1.4.
 */
async function benchLoadTasks(dataDir: string): Promise<Results['load']['tasks']> {
  const out = {} as Results['load']['tasks'];
  for (const [name, batchSize] of [
    ['batch1', 1],
    ['auto', 'auto'],
  ] as const) {
    const lab = newLab(dataDir);
    const sampler = new PeakSampler();
    const started = performance.now();
    const report = await run(lab, {
      experiment: 'read-global',
      nJobs: LOAD_WORKERS,
      tasks: LOAD_TASKS,
      batchSize,
    });
    const wallMs = performance.now() - started;
    const parentPeakRssMiB = sampler.stop() / MIB;
    const pids = report.workers.map((w) => w.pid);
    await lab.close();
    const results = report.results ?? [];
    out[name] = {
      wallMs,
      parentPeakRssMiB,
      correct: results.length === LOAD_TASKS && results.every((v) => v === 1.4),
      leftOver: leftOver(pids),
    };
  }
  return out;
}

/** Open descriptors of this process (Linux), or null elsewhere. */
function openDescriptors(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

/**
 * Many runs in one browser-host session, as a class does in a morning: the
 * host (in this process) and one tab over a real WebSocket, read-global
 * after read-global. The host's RSS and open descriptors are read after
 * run 100, 400 and the last: a leak shows as growth between them.
 */
async function benchHostSession(dataDir: string): Promise<Results['load']['hostSession']> {
  const lab = newLab(dataDir);
  const host = await startWebHost({
    service: new LabService(lab),
    rendererDir: join(__dirname, '../renderer'),
    port: 0,
  });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/lab?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const answers = new Map<number, (ok: boolean) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: { ok: boolean } };
    if (typeof message.id === 'number') answers.get(message.id)?.(message.result?.ok === true);
  });
  const marks: Results['load']['hostSession']['marks'] = [];
  let failed = 0;
  try {
    for (let id = 1; id <= HOST_RUNS; id += 1) {
      const ok = await new Promise<boolean>((resolve) => {
        answers.set(id, resolve);
        ws.send(JSON.stringify({ id, command: 'run', request: { experiment: 'read-global' } }));
      });
      answers.delete(id);
      if (!ok) failed += 1;
      if (id === 100 || id === 400 || id === HOST_RUNS)
        marks.push({
          run: id,
          rssMiB: process.memoryUsage.rss() / MIB,
          descriptors: openDescriptors(),
        });
    }
  } finally {
    ws.close();
    await host.close();
    await lab.close();
  }
  return { runs: HOST_RUNS, failed, marks };
}

async function benchExcelWrite(reps: number, dataDir: string): Promise<Results['excelWrite']> {
  const data = makeDataFrame(EXCEL_ROWS).my_data;
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let r = 0; r < reps; r += 1) {
    const sampler = new PeakSampler();
    const started = performance.now();
    await writeDatabase(join(dataDir, 'my_database.xlsx'), data);
    walls.push(performance.now() - started);
    peaks.push(sampler.stop() / MIB);
  }
  return {
    rows: EXCEL_ROWS,
    wallMs: stat(walls),
    rowsPerSecond: stat(walls.map((ms) => (EXCEL_ROWS / ms) * 1000)),
    parentPeakRssMiB: stat(peaks),
  };
}

async function benchPartialRead(reps: number, dataDir: string): Promise<Results['partialRead']> {
  const out: Results['partialRead'] = {};
  for (const workers of [2, 4]) {
    // The workbook written by the previous step is read as it is.
    const lab = newLab(dataDir, true);
    try {
      await run(lab, { experiment: 'read-global', nJobs: workers });
      const walls: number[] = [];
      const firstRows: number[][] = Array.from({ length: workers }, () => []);
      const peaks: number[] = [];
      const ussDeltas: number[] = [];
      const parentPeaks: number[] = [];
      const compressed: number[] = [];
      const inflated: number[] = [];
      let sheetBytes = 0;
      let blocksPastShare = 0;
      for (let r = 0; r < reps; r += 1) {
        const sampler = new PeakSampler();
        const report = await run(lab, {
          experiment: 'partial-read',
          nJobs: workers,
          rows: EXCEL_ROWS,
        });
        parentPeaks.push(sampler.stop() / MIB);
        walls.push(report.timings.runMs);
        for (const worker of report.workers) {
          for (const read of worker.reads) {
            firstRows[read.taskIndex]?.push(read.firstRowMs);
            compressed.push(read.compressedBytes / MIB);
            inflated.push(read.uncompressedBytes / MIB);
            sheetBytes = read.sheetUncompressedBytes;
            const blockBytes = sheetBytes / Math.ceil(EXCEL_ROWS / ROWS_PER_FLUSH_BLOCK);
            const share = (read.rows / EXCEL_ROWS) * sheetBytes;
            blocksPastShare = Math.max(
              blocksPastShare,
              (read.uncompressedBytes - share) / blockBytes,
            );
          }
          if (worker.peakRss !== null) peaks.push(worker.peakRss / MIB);
          const { baseline, after } = worker.memory;
          if (after?.uss != null && baseline.uss != null)
            ussDeltas.push((after.uss - baseline.uss) / MIB);
        }
      }
      out[`${workers} workers`] = {
        wallMs: stat(walls),
        rowsPerSecond: stat(walls.map((ms) => (EXCEL_ROWS / ms) * 1000)),
        firstRowMs: firstRows.map(stat),
        workerPeakRssMiB: stat(peaks),
        workerUssDeltaMiB: stat(ussDeltas),
        parentPeakRssMiB: stat(parentPeaks),
        compressedMiB: stat(compressed),
        inflatedMiB: stat(inflated),
        sheetInflatedMiB: sheetBytes / MIB,
        blocksPastShare,
      };
    } finally {
      await lab.close();
    }
  }
  return out;
}

async function benchFullCopy(reps: number, dataDir: string): Promise<Results['fullCopy']> {
  const out: Results['fullCopy'] = {};
  const lab = newLab(dataDir);
  try {
    await run(lab, { experiment: 'read-global', nJobs: 4 });
    for (const rows of [1_000_000, 10_000_000]) {
      const walls: number[] = [];
      const rss: number[] = [];
      const uss: number[] = [];
      const parentPeaks: number[] = [];
      for (let r = 0; r < reps; r += 1) {
        const sampler = new PeakSampler();
        const report = await run(lab, { experiment: 'full-copy', nJobs: 4, rows });
        parentPeaks.push(sampler.stop() / MIB);
        walls.push(report.timings.runMs);
        for (const worker of report.workers) {
          const { baseline, after } = worker.memory;
          if (after) rss.push(after.rss / MIB);
          if (after?.uss != null && baseline.uss != null)
            uss.push((after.uss - baseline.uss) / MIB);
        }
      }
      out[`${rows.toLocaleString('en-US')} rows`] = {
        wallMs: stat(walls),
        workerRssAfterMiB: stat(rss),
        workerUssDeltaMiB: stat(uss),
        parentPeakRssMiB: stat(parentPeaks),
      };
    }
  } finally {
    await lab.close();
  }
  return out;
}

/** The load figures, one line each. */
function loadLines(load: Results['load']): string[] {
  const lines = Object.entries(load.tasks).map(
    ([name, t]) =>
      `${LOAD_WORKERS} workers × ${LOAD_TASKS.toLocaleString('en-US')} tasks, ${name === 'auto' ? "batch size 'auto'" : 'batch size 1'}: ${(t.wallMs / 1000).toFixed(1)} s, ${t.correct ? 'every result correct' : 'RESULTS WRONG'}, parent peak RSS ${t.parentPeakRssMiB.toFixed(0)} MiB, ${t.leftOver} process(es) left over`,
  );
  const { runs, failed, marks } = load.hostSession;
  const at = marks
    .map(
      (m) =>
        `after run ${m.run}: RSS ${m.rssMiB.toFixed(0)} MiB, ${m.descriptors ?? '?'} descriptors`,
    )
    .join('; ');
  lines.push(`${runs} runs in one browser-host session (${failed} failed): ${at}`);
  return lines;
}

const f = (s: Stat, digits = 0): string =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

function printTable(results: Results): void {
  const lines: string[] = [];
  const m = results.machine;
  lines.push(
    `Isolation Lab benchmark: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`,
  );
  lines.push(`Each figure: median (min–max) of ${results.repetitions} repetitions.`);
  lines.push('');
  for (const [n, s] of Object.entries(results.poolReady)) {
    lines.push(
      `start → ${n} workers ready            ${f(s.ms)} ms; worker RSS ${f(s.workerRssMiB)} MiB, parent peak RSS ${f(s.parentPeakRssMiB)} MiB`,
    );
  }
  for (const [name, s] of Object.entries(results.tinyTasks)) {
    lines.push(
      `${TINY_TASKS.toLocaleString('en-US')} tiny tasks, 2 workers, batch ${name === 'auto' ? 'auto' : '1   '}   ${f(s.tasksPerSecond)} tasks/s, parent peak RSS ${f(s.parentPeakRssMiB)} MiB`,
    );
  }
  const w = results.excelWrite;
  lines.push(
    `write ${w.rows.toLocaleString('en-US')} rows of xlsx          ${f(w.wallMs)} ms, parent peak RSS ${f(w.parentPeakRssMiB)} MiB`,
  );
  for (const [name, s] of Object.entries(results.partialRead)) {
    lines.push(
      `partial-read, ${name}              ${f(s.wallMs)} ms, ${f(s.rowsPerSecond)} rows/s`,
    );
    lines.push(`  first row per worker (ms)         ${s.firstRowMs.map((x) => f(x)).join(' | ')}`);
    lines.push(
      `  read per worker                   ${f(s.compressedMiB, 2)} MiB from the file, ${f(s.inflatedMiB, 2)} MiB inflated of the sheet's ${s.sheetInflatedMiB.toFixed(2)} MiB (at most ${s.blocksPastShare.toFixed(2)} flush blocks past its share)`,
    );
    lines.push(
      `  worker peak RSS                   ${f(s.workerPeakRssMiB)} MiB, USS growth ${f(s.workerUssDeltaMiB, 1)} MiB; parent peak RSS ${f(s.parentPeakRssMiB)} MiB`,
    );
  }
  for (const [name, s] of Object.entries(results.fullCopy)) {
    lines.push(`full-copy, 4 workers, ${name.padEnd(16)} ${f(s.wallMs)} ms`);
    lines.push(
      `  worker RSS after                  ${f(s.workerRssAfterMiB)} MiB, USS growth ${f(s.workerUssDeltaMiB, 1)} MiB; parent peak RSS ${f(s.parentPeakRssMiB)} MiB`,
    );
  }
  lines.push(...loadLines(results.load));
  lines.push(...tutorialLines(results));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The tutorial's code in the same run, as ratios; or why it did not run. */
function tutorialLines(results: Results): string[] {
  const { tutorial } = results;
  if (!tutorial.available) return ['', `The tutorial's code did not run: ${tutorial.reason}.`];
  return [
    '',
    `The tutorial's code in this same run (${tutorial.python}, joblib with loky, pandas, openpyxl); the ratio favours the lab above 1:`,
    ...(results.ratios ?? []).map(
      (r) =>
        `  ${r.figure.padEnd(44)} lab ${r.lab.padStart(18)}   tutorial ${r.tutorial.padStart(18)}   ${r.ratio.toFixed(1)}×`,
    ),
  ];
}

/** The lab's figures the ratios compare. */
function labFigures(r: Partial<Results>) {
  const read2 = r.partialRead?.['2 workers'];
  return {
    poolReady2Ms: r.poolReady?.['2']?.ms.median ?? NaN,
    batch1TasksPerS: r.tinyTasks?.batch1.tasksPerSecond.median ?? NaN,
    autoTasksPerS: r.tinyTasks?.auto.tasksPerSecond.median ?? NaN,
    excelWriteMs: r.excelWrite?.wallMs.median ?? NaN,
    partialRead2Ms: read2?.wallMs.median ?? NaN,
    partialRead2UssMiB: read2?.workerUssDeltaMiB.median ?? NaN,
  };
}

/** The README's table: each figure beside its target and the tutorial's own code on these machines. */
function printMarkdown(r: Results): void {
  const m = r.machine;
  const ready = (n: string): string => r.poolReady[n]?.ms.median.toFixed(0) ?? '?';
  const read2 = r.partialRead['2 workers'];
  const read4 = r.partialRead['4 workers'];
  const full1 = r.fullCopy['1,000,000 rows'];
  const full10 = r.fullCopy['10,000,000 rows'];
  const k = (x: number): string => Math.round(x).toLocaleString('en-US');
  const measured: Record<keyof typeof TARGETS, string> = {
    poolReady: `${ready('1')} / ${ready('2')} / **${ready('4')}** ${f(r.poolReady['4']?.ms as Stat).split(' ')[1]} / ${ready('8')} ms; worker RSS ${f(r.poolReady['4']?.workerRssMiB as Stat)} MiB`,
    tinyBatch1: `**${k(r.tinyTasks.batch1.tasksPerSecond.median)}** (${k(r.tinyTasks.batch1.tasksPerSecond.min)}–${k(r.tinyTasks.batch1.tasksPerSecond.max)}) tasks/s`,
    tinyAuto: `**${k(r.tinyTasks.auto.tasksPerSecond.median)}** (${k(r.tinyTasks.auto.tasksPerSecond.min)}–${k(r.tinyTasks.auto.tasksPerSecond.max)}) tasks/s`,
    excelWrite: `**${f(r.excelWrite.wallMs)}** ms, parent peak RSS ${f(r.excelWrite.parentPeakRssMiB)} MiB`,
    partialRead2: read2
      ? `**${f(read2.wallMs)}** ms, ${k(read2.rowsPerSecond.median)} rows/s`
      : '?',
    inflated:
      read2 && read4
        ? `${f(read2.inflatedMiB, 1)} / ${f(read4.inflatedMiB, 1)} MiB of ${read2.sheetInflatedMiB.toFixed(1)} MiB; at most **${Math.max(read2.blocksPastShare, read4.blocksPastShare).toFixed(2)}** blocks past the share (read from the file: ${f(read2.compressedMiB, 2)} / ${f(read4.compressedMiB, 2)} MiB)`
        : '?',
    firstRow: read2 ? read2.firstRowMs.map((x) => `**${f(x)}**`).join(' and ') + ' ms' : '?',
    workerPeak: read2
      ? `**${f(read2.workerPeakRssMiB)}** MiB; USS growth ${f(read2.workerUssDeltaMiB, 1)} MiB`
      : '?',
    partialRead4: read4
      ? `${f(read4.wallMs)} ms; first rows ${read4.firstRowMs.map((x) => x.median.toFixed(0)).join(' / ')} ms; peak RSS ${f(read4.workerPeakRssMiB)} MiB`
      : '?',
    fullCopy1M: full1
      ? `${f(full1.wallMs)} ms; USS growth ${f(full1.workerUssDeltaMiB, 1)} MiB per worker`
      : '?',
    fullCopy10M: full10
      ? `**${f(full10.wallMs)}** ms; USS growth ${f(full10.workerUssDeltaMiB, 1)} MiB per worker, parent peak RSS ${f(full10.parentPeakRssMiB)} MiB`
      : '?',
  };
  const rows = Object.entries(TARGETS).map(([key, t]) => [
    t.figure,
    t.target,
    measured[key as keyof typeof TARGETS],
  ]);
  const versus = r.tutorial.available
    ? [
        '',
        `The tutorial's own code in the same run (bench/anchors with ${r.tutorial.python}: joblib with loky, pandas, openpyxl); above 1 the lab is faster or smaller:`,
        '',
        "| figure | the lab | the tutorial's code | ratio |",
        '|---|---|---|---|',
        ...(r.ratios ?? []).map(
          (x) => `| ${x.figure} | ${x.lab} | ${x.tutorial} | **${x.ratio.toFixed(1)}×** |`,
        ),
      ]
    : ['', `The tutorial's code did not run: ${r.tutorial.reason}.`];
  const out = [
    `On ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; median (min–max) of ${r.repetitions} repetitions:`,
    '',
    '| figure | target | measured |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    ...versus,
    '',
    'Load (once each):',
    '',
    ...loadLines(r.load).map((line) => `- ${line.trim()}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

const USAGE = `Usage: npm run bench -- [--json | --markdown] [--reps N] [--help]

  --json       one JSON document on stdout
  --markdown   the README's table
  --reps N     repetitions of each figure, 3 to 50 (default 3)
  --help       this text`;

/** The options, read by Node's own parseArgs; null (and the usage on stderr) for anything else. */
function options(
  argv: readonly string[],
): { json: boolean; markdown: boolean; reps: number; help: boolean } | null {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        markdown: { type: 'boolean' },
        reps: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    const reps = Number(values.reps ?? 3);
    if (!Number.isInteger(reps) || reps < 3 || reps > 50) throw new Error(`--reps ${values.reps}`);
    return {
      json: values.json === true,
      markdown: values.markdown === true,
      reps,
      help: values.help === true,
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return null;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const given = options(argv);
  if (!given) return 2;
  if (given.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { json, markdown, reps } = given;
  const dataDir = mkdtempSync(join(tmpdir(), 'isolation-lab-bench-'));
  mkdirSync(dataDir, { recursive: true });
  const progress = (step: string): void => {
    process.stderr.write(`bench: ${step}…\n`);
  };
  try {
    const cpu = cpus();
    const results: Partial<Results> = {
      machine: {
        cpu: cpu[0]?.model ?? 'unknown',
        cores: cpu.length,
        memoryGiB: Math.round(totalmem() / 1024 ** 3),
        node: process.versions.node,
        platform: `${process.platform} ${process.arch}`,
      },
      repetitions: reps,
    };
    progress('pool start');
    results.poolReady = await benchPoolReady(reps, dataDir);
    progress('tiny tasks');
    results.tinyTasks = await benchTinyTasks(reps, dataDir);
    progress('xlsx write');
    results.excelWrite = await benchExcelWrite(reps, dataDir);
    progress('partial read');
    results.partialRead = await benchPartialRead(reps, dataDir);
    progress('full copy');
    results.fullCopy = await benchFullCopy(reps, dataDir);
    progress(`load: ${LOAD_WORKERS} workers × ${LOAD_TASKS.toLocaleString('en-US')} tasks`);
    const tasks = await benchLoadTasks(dataDir);
    progress(`load: ${HOST_RUNS} runs in one browser-host session`);
    results.load = { tasks, hostSession: await benchHostSession(dataDir) };
    progress("the tutorial's own code (bench/anchors), for the ratios");
    results.tutorial = runTutorial(EXCEL_ROWS, TINY_TASKS);
    results.ratios = results.tutorial.available
      ? ratios(labFigures(results), results.tutorial)
      : null;
    if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else if (markdown) printMarkdown(results as Results);
    else printTable(results as Results);
    return 0;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);
