/**
 * The headless host: `lab list`, `lab run LESSON` and `lab compare`. Prints a run the way
 * the notebook shows it (joblib's verbose lines on stderr, then the printed
 * results), or one JSON report with --json. Exit 0 on success, 1 when a worker
 * raised, 2 for bad arguments; no worker outlives the command.
 */
import { mkdirSync } from 'node:fs';
import { LESSONS, LESSON_IDS } from '../../shared/lessons';
import { MemoryGuardError } from '../../shared/memory-guard';
import { MIB } from '../../shared/memory';
import { ParamError } from '../../shared/params';
import { formatPython } from '../../shared/python-format';
import type { RunEvent } from '../../shared/api';
import {
  printedParent,
  type CompareOutcome,
  type CompareReport,
  type RunReport,
  type StoppedCompare,
  type StrategySummary,
} from '../../shared/report';
import { IDEAL_COPIES } from '../../shared/strategies';
import { ChildProcessLauncher } from '../lab/child-process-launcher';
import { Lab, defaultDataDir } from '../lab/lab';
import { builtWorker } from '../lab/launcher';
import { USAGE, parseArgs, type CliCommand } from './args';
import { runMain } from './run-main';

type RunCommand = Extract<CliCommand, { command: 'run' | 'compare' }>;

function printList(): void {
  for (const id of LESSON_IDS) {
    const lesson = LESSONS[id];
    process.stdout.write(
      `${id.padEnd(14)} ${lesson.taskName.padEnd(18)} notebook: ${lesson.notebookOutput.split('\n')[0]}\n`,
    );
  }
}

const mib = (bytes: number | null): string =>
  bytes === null ? 'n/a' : `${(bytes / MIB).toFixed(2)} MiB`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** A comparison that did not finish: where it stopped and why; no figures. */
function printStoppedCompare(report: StoppedCompare): void {
  const { experiment, nJobs, sweep } = report.stoppedDuring;
  process.stdout.write(
    `The comparison was ${report.outcome} during ${experiment} at ${nJobs} workers${sweep ? ' (the sweep)' : ''}, ` +
      `so it shows no figures.\n${report.error.name}: ${report.error.message}\n`,
  );
}

/** One strategy of a comparison: each process, the workers' total, all processes against the ideal. */
function strategyLines(strategy: StrategySummary, figure: CompareReport['figure']): string[] {
  const out = [
    `${strategy.experiment}: ${strategy.printedResults ?? strategy.error?.message ?? ''}`,
  ];
  const threads = strategy.threadHeapGrowth;
  for (const row of strategy.processes) {
    const name =
      row.role === 'main'
        ? 'parent'
        : threads
          ? `threads' process`
          : `worker ${(row.slot ?? 0) + 1}`;
    const growth = figure === 'uss' ? row.ussDelta : row.rssDelta;
    out.push(
      `  ${`${name} (pid ${row.pid})`.padEnd(28)} counted ${mib(row.datasetBytes).padStart(12)}` +
        (row.role === 'worker'
          ? `   measured +${mib(growth).padStart(11)}`
          : row.datasetBytes > 0
            ? '   (its own copy)'
            : '   (no copy: the threads build the one they share)'),
    );
  }
  if (threads)
    out.push(
      `  each of its ${threads.length} threads' own heap grew by at most ${kib(Math.max(0, ...threads))} (garbage collected), beside the one shared copy`,
    );
  out.push(
    `  workers: counted ${mib(strategy.workersDatasetBytes)} = ${strategy.duplication?.toFixed(2) ?? 'n/a'}× the dataset, measured +${mib(strategy.workersMeasuredBytes)}`,
    `  all processes: counted ${mib(strategy.mainDatasetBytes + strategy.workersDatasetBytes)}, ideal ${mib(strategy.idealBytes)} (${IDEAL_COPIES[strategy.experiment].formula})`,
  );
  return out;
}

/** The sweep as a table: a column per strategy, measured against ideal, a line per number of workers. */
function sweepLines(report: CompareReport): string[] {
  const cell = (text: string): string => text.padEnd(34);
  const header = report.params.strategies.map((name) => cell(`${name} measured / ideal`)).join('');
  const out = [
    `workers   ${header}(parent's copy + workers' ${report.figure.toUpperCase()} growth)`,
  ];
  for (const point of report.sweep ?? []) {
    const cells = point.strategies.map((s) =>
      cell(`${mib(s.measuredBytes).padStart(12)} / ${mib(s.idealBytes)}`),
    );
    out.push(`${String(point.workers).padStart(7)}   ${cells.join('')}`.trimEnd());
  }
  return out;
}

/** The comparison as a table: per process, then totals against the ideal, then the sweep. */
function printCompare(report: CompareReport): void {
  const figure = report.figure.toUpperCase();
  const out: string[] = [];
  out.push(
    `Dataset: ${report.params.rows.toLocaleString('en-US')} rows × 8 bytes = ${mib(report.datasetBytes)}, ${report.params.nJobs} workers.`,
  );
  out.push(
    `Counted: bytes of dataset each process holds. Measured: each worker's ${figure} growth over its baseline` +
      (report.figure === 'uss'
        ? ' (memory only that process uses).'
        : ' (USS is not available on this OS; RSS also counts shared pages).'),
  );
  for (const strategy of report.strategies) out.push('', ...strategyLines(strategy, report.figure));
  if (report.sweep) out.push('', ...sweepLines(report));
  process.stdout.write(`${out.join('\n')}\n`);
}

function printNotebookStyle(report: RunReport): void {
  const definition = LESSONS[report.experiment];
  if (report.error) {
    process.stderr.write(`${report.error.stack}\n`);
    if (definition.id === 'change-global')
      process.stderr.write(`In the notebook, Python raised: ${definition.notebookOutput}\n`);
  } else {
    process.stdout.write(`${formatPython(report.results)}\n`);
  }
  if (definition.printsParent) process.stdout.write(`${printedParent(report)?.display ?? '?'}\n`);
  const threads = report.threads;
  if (threads) {
    const { race } = threads;
    const n = (x: number): string => x.toLocaleString('en-US');
    process.stderr.write(
      `The threads' main thread still has MY_GLOBAL_VAR = ${threads.mainThreadGlobal}; one shared copy of the dataset (${n(threads.sharedBytes)} bytes).\n` +
        `Shared counter, ${n(race.expected)} additions: plain += ${n(race.plain)}, Atomics.add ${n(race.atomic)}.\n`,
    );
  }
}

/** The shell's exit code for a signal: 128 + its number (SIGINT 130, SIGTERM 143). */
const exitCodeOf = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

const interruptedLine = (signal: NodeJS.Signals): string =>
  `Interrupted (${signal}): the run was cancelled and its workers stopped.\n`;

/** What the CLI prints of a finished run or comparison, and its exit code. */
function finish(command: RunCommand, report: CompareOutcome): number {
  if (command.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.outcome === 'complete') printCompare(report);
  else printStoppedCompare(report);
  return report.outcome === 'complete' ? 0 : 1;
}

/** One run's report, or with --runs an array of them; exit 1 when any run failed. */
function finishRuns(command: RunCommand, reports: RunReport[]): number {
  if (command.json)
    process.stdout.write(
      `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`,
    );
  else for (const report of reports) printNotebookStyle(report);
  return reports.some((report) => report.error) ? 1 : 0;
}

function interruptedExit(signal: NodeJS.Signals): number {
  process.stderr.write(interruptedLine(signal));
  return exitCodeOf(signal);
}

/**
 * Runs the command on a lab of its own. Ctrl-C or a kill cancels the run,
 * stops the workers and exits 130 / 143 with one line, as a shell expects;
 * if the run does not end within a few seconds, the pool is closed anyway.
 */
async function execute(command: RunCommand): Promise<number> {
  const dataDir = command.dataDir ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const lab = new Lab({
    launcher: new ChildProcessLauncher(builtWorker(__dirname)),
    dataDir,
    existingDatabase: command.existingDatabase,
  });
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = signal;
    lab.cancel();
    setTimeout(() => {
      void lab.close().finally(() => {
        process.stderr.write(interruptedLine(signal));
        process.exit(exitCodeOf(signal));
      });
    }, 3_000).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const onEvent = (event: RunEvent): void => {
    if (!command.json && event.type === 'log') process.stderr.write(`${event.line}\n`);
  };
  try {
    // The lab parses the request (once): a bad value is a ParamError before anything starts.
    if (command.command === 'compare') {
      const report = await lab.compare(command.request, { onEvent });
      if (interrupted) return interruptedExit(interrupted);
      return finish(command, report);
    }
    const reports: RunReport[] = [];
    for (let i = 0; i < command.runs && !interrupted; i += 1) {
      if (i > 0 && command.restart) await lab.restartWorkers();
      reports.push(await lab.run(command.request, { onEvent }));
    }
    if (interrupted) return interruptedExit(interrupted);
    return finishRuns(command, reports);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await lab.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command.command === 'list') {
      printList();
      return 0;
    }
    return await execute(command);
  } catch (error) {
    if (error instanceof ParamError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof MemoryGuardError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

runMain(main);
