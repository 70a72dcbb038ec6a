/**
 * The lab: runs a lesson from validated parameters to a finished report. It
 * holds the parent's globals (`MY_GLOBAL_VAR`, the dataset), writes the
 * workbook when a lesson needs it, runs the tasks through `Parallel` on the
 * persistent pool, and reports everything as events while it happens. It
 * knows nothing of Electron, HTTP or terminals: each host plugs in its
 * launcher and forwards the events.
 */
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent } from '../../shared/api';
import {
  CALLS,
  DATABASE_FILE,
  LESSONS,
  parentBuildsDataset,
  MY_GLOBAL_VAR,
  type GlobalName,
} from '../../shared/lessons';
import { summarizeGlobal } from '../../shared/globals';
import { formatPython } from '../../shared/python-format';
import type { GlobalSummary } from '../../shared/memory';
import { checkMemoryBudget } from '../../shared/memory-guard';
import {
  validateCompareParams,
  validateRunParams,
  type CompareParams,
  type RunParams,
} from '../../shared/params';
import type {
  CompareOutcome,
  CompareReport,
  RunReport,
  StoppedCompare,
  SweepPoint,
} from '../../shared/report';
import type { Strategy } from '../../shared/strategies';
import { DatasetStore } from './dataset';
import {
  CancelledError,
  StalledWorkerError,
  TaskTimeoutError,
  TerminatedWorkerError,
} from './errors';
import { writeDatabase } from './excel-database';
import { compareClock, completeCompare, sweepPoint } from './compare';
import type { Launcher } from './launcher';
import {
  MemorySampler,
  availableMemory,
  defaultMemorySource,
  measureMain,
  type MemorySource,
  type SampledProcess,
} from './memory-sampler';
import { Parallel, stoppedOutcome, type ParallelOutcome } from './parallel';
import { buildRunReport } from './run-report';
import { RunEmitter } from './run-emitter';
import { StepGate } from './step-gate';
import { WorkerPool } from './pool';

/** Where the CLI and the browser host keep my_database.xlsx unless told otherwise. */
export function defaultDataDir(): string {
  return join(tmpdir(), 'isolation-lab');
}

export interface LabOptions {
  launcher: Launcher;
  /** Where my_database.xlsx lives; the workers' working directory. */
  dataDir: string;
  /**
   * Read the workbook already in `dataDir` as it is, without writing it first
   * (to show what happens with a file edited by hand, or a broken one).
   */
  existingDatabase?: boolean;
  /** Where memory samples come from (default: /proc on Linux, the workers themselves elsewhere). */
  memorySource?: MemorySource;
  /** How long a busy worker may stay silent before a run ends (default STALL_MS, 10 s; tests use less). */
  stallMs?: number;
}

export interface RunOptions {
  onEvent?: (event: RunEvent) => void;
  signal?: AbortSignal;
  /** Ask workers to announce each task as it starts (for the live process map). */
  announceStarts?: boolean;
  /** Hold at each step point until `step()`: a run a class walks through. */
  stepwise?: boolean;
}

/** A step of a comparison did not finish; carries what the comparison answers. */
class CompareStopped extends Error {
  constructor(readonly outcome: StoppedCompare) {
    super(`The comparison stopped during ${outcome.stoppedDuring.experiment}.`);
  }
}

export class RunInProgressError extends Error {
  override name = 'RunInProgressError';
  readonly detail = { code: 'run-in-progress' } as const;
  constructor() {
    super('A run is already in progress: wait for it to finish or cancel it first.');
  }
}

export class Lab {
  private readonly pool: WorkerPool;
  private readonly dataset = new DatasetStore();
  /** The parent's own globals, as the notebook defines them. */
  private readonly mainGlobals: { MY_GLOBAL_VAR: number; CALLS: number } = {
    MY_GLOBAL_VAR,
    CALLS,
  };
  private written: { rows: number; mtimeMs: number; size: number } | null = null;
  private nextRunId = 1;
  private running: AbortController | null = null;
  /** The holds of the stepwise run in progress. */
  private stepGate: StepGate | null = null;
  private readonly memorySource: MemorySource;

  constructor(private readonly options: LabOptions) {
    this.pool = new WorkerPool({ launcher: options.launcher, cwd: options.dataDir });
    this.memorySource = options.memorySource ?? defaultMemorySource();
  }

  /** Pids of the worker processes alive now. */
  get workerPids(): number[] {
    return this.pool.live.map((worker) => worker.pid);
  }

  get backendName(): string {
    return this.pool.backendName;
  }

  get databasePath(): string {
    return join(this.options.dataDir, DATABASE_FILE);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * Starts `nJobs` workers ahead of the first run, so that pressing Run in
   * front of a class does not wait for processes to start. A failure here is
   * not reported: the first run starts them again and says what went wrong.
   */
  prestart(nJobs: number): void {
    if (this.running) return;
    this.pool.ensure(nJobs).catch(() => undefined);
  }

  /** Cancels the run in progress; returns whether there was one. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  /**
   * Ends every worker, so that the next run starts new ones with fresh
   * module state, as a new loky executor would. Refused during a run.
   */
  async restartWorkers(): Promise<void> {
    if (this.running) throw new RunInProgressError();
    await this.pool.shutdown();
  }

  /** Lets a stepwise run go on from the point it holds at; false when none holds. */
  step(): boolean {
    return this.stepGate?.release() ?? false;
  }

  /**
   * Kills one worker of the run in progress (SIGKILL): the run then ends
   * with a terminated-worker error, as joblib's does. Returns whether there
   * was such a worker.
   */
  killWorker(pid: number): boolean {
    const worker = this.running ? this.pool.live.find((w) => w.pid === pid) : undefined;
    worker?.kill();
    return worker !== undefined;
  }

  /** Closes every worker; no process is left behind. */
  async close(): Promise<void> {
    this.running?.abort();
    await this.pool.close();
  }

  /**
   * Runs a lesson. Resolves with the report, whether the tasks succeeded or a
   * worker raised; rejects only for bad parameters or a second concurrent run.
   */
  async run(request: unknown, options: RunOptions = {}): Promise<RunReport> {
    const params = validateRunParams(request);
    return this.exclusive(options.signal, async (signal) => {
      // Nothing is allocated or spawned before the run is known to fit.
      checkMemoryBudget(params.experiment, params.nJobs, params.rows, await availableMemory());
      return this.execute(params, signal, options);
    });
  }

  /**
   * Runs the chosen strategies (full copy, partial read, shared memory) at
   * the same rows and workers, and with `sweep` each again at 1 … nJobs
   * workers, and compares what each process holds. Each step runs on new
   * workers, so that no strategy's figures depend on what ran before it.
   */
  async compare(request: unknown, options: RunOptions = {}): Promise<CompareOutcome> {
    const params = validateCompareParams(request);
    return this.exclusive(options.signal, async (signal) => {
      const available = await availableMemory();
      for (const strategy of params.strategies)
        checkMemoryBudget(strategy, params.nJobs, params.rows, available);
      const clock = compareClock();
      const step = (nJobs: number, experiment: Strategy, sweep: boolean): Promise<RunReport> =>
        this.compareStep(params, { nJobs, experiment, sweep }, signal, options, clock);
      const stepAll = async (nJobs: number, sweep: boolean): Promise<RunReport[]> => {
        const reports: RunReport[] = [];
        for (const strategy of params.strategies) reports.push(await step(nJobs, strategy, sweep));
        return reports;
      };
      try {
        const reports = await stepAll(params.nJobs, false);
        const hasUss = this.memorySource.hasUss;
        const sweep: SweepPoint[] = [];
        for (let n = 1; params.sweep && n <= params.nJobs; n += 1)
          sweep.push(sweepPoint(n, await stepAll(n, true), hasUss));
        return completeCompare(params, reports, params.sweep ? sweep : null, hasUss, {
          timings: clock(),
          host: this.host(),
        });
      } catch (error) {
        if (error instanceof CompareStopped) return error.outcome;
        throw error;
      }
    });
  }

  /** One step of a comparison; a step that does not finish stops the comparison, with no figures. */
  private async compareStep(
    params: CompareParams,
    step: { nJobs: number; experiment: Strategy; sweep: boolean },
    signal: AbortSignal,
    options: RunOptions,
    clock: () => CompareReport['timings'],
  ): Promise<RunReport> {
    const { nJobs, experiment, sweep } = step;
    // Fresh workers for every step: memory an earlier run freed but the process kept would hide its growth.
    await this.pool.shutdown();
    const report = await this.execute(
      {
        experiment,
        nJobs,
        tasks: nJobs,
        rows: params.rows,
        batchSize: 1,
        verbose: sweep ? 0 : 10,
        timeout: null,
        definedIn: 'notebook',
      },
      signal,
      options,
    );
    if (!report.error) return report;
    throw new CompareStopped({
      experiment: 'compare',
      outcome: report.error.name === 'CancelledError' ? 'cancelled' : 'failed',
      params,
      stoppedDuring: step,
      error: report.error,
      timings: clock(),
    });
  }

  /**
   * Runs `work` as the one run in progress, cancellable through `outer` and
   * `cancel()`. The lock is taken before anything is awaited, so of two
   * requests the first one runs and the second is refused.
   */
  private async exclusive<T>(
    outer: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (this.running) throw new RunInProgressError();
    const controller = new AbortController();
    const onOuterAbort = (): void => controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    this.running = controller;
    try {
      return await work(controller.signal);
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
      this.running = null;
      this.stepGate = null;
    }
  }

  /**
   * One run, in joblib's order: the parent's globals, the workbook when the
   * lesson reads one, the tasks on the pool, then the report. Every step
   * speaks through the run's emitter; a step that fails ends the run with its
   * error in the report, like a worker's.
   */
  private async execute(
    params: RunParams,
    signal: AbortSignal,
    options: RunOptions,
  ): Promise<RunReport> {
    const run = new RunEmitter(this.nextRunId++, options.onEvent);
    const startedAt = new Date();
    const started = performance.now();
    const gate = options.stepwise ? new StepGate(run, signal) : null;
    this.stepGate = gate;
    const globals = this.prepareGlobals(params, run);
    await gate?.hold({ kind: 'globals', globals: this.describeMainGlobals(globals) });
    let workersSampled = false;
    const sampler = this.startSampler(run, () => workersSampled);
    const database = await this.prepareDatabase(params, run, signal);
    const outcome =
      database.error !== null
        ? stoppedOutcome(database.error)
        : await this.runTasks(params, globals, run, signal, options, gate, () => {
            workersSampled = true;
          });
    if (gate && outcome.results && !outcome.error)
      await gate.hold({ kind: 'printed', printed: formatPython(outcome.results) });
    this.stepGate = null;
    // A worker died or was killed: loky restarts its whole executor, so the next run starts every worker afresh.
    if (
      outcome.error instanceof TerminatedWorkerError ||
      outcome.error instanceof TaskTimeoutError ||
      outcome.error instanceof StalledWorkerError
    )
      await this.pool.shutdown();
    run.phase('measuring');
    const report = buildRunReport({
      params,
      outcome,
      mainGlobals: this.describeMainGlobals(globals),
      phases: run.phases,
      timeline: await sampler.stop(),
      main: { pid: process.pid, memory: await measureMain(this.memorySource) },
      host: this.host(),
      timings: {
        startedAt: startedAt.toISOString(),
        excelWriteMs: database.writeMs,
        poolStartMs: outcome.poolStartMs,
        runMs: outcome.runMs,
        totalMs: performance.now() - started,
      },
    });
    run.phase('finished');
    run.emit({ type: 'run-finished', report });
    return report;
  }

  /** The globals the parent holds for this run, announced with the run's start. */
  private prepareGlobals(params: RunParams, run: RunEmitter): Partial<Record<GlobalName, unknown>> {
    const globals: Partial<Record<GlobalName, unknown>> = {
      MY_GLOBAL_VAR: this.mainGlobals.MY_GLOBAL_VAR,
    };
    if (LESSONS[params.experiment].globals.includes('CALLS'))
      globals.CALLS = this.mainGlobals.CALLS;
    if (parentBuildsDataset(LESSONS[params.experiment])) {
      run.phase('preparing-dataset');
      globals.my_global_df = this.dataset.get(params.rows);
    } else {
      this.dataset.release();
    }
    run.emit({
      type: 'run-started',
      params,
      mainPid: process.pid,
      mainGlobals: this.describeMainGlobals(globals),
    });
    return globals;
  }

  /** Samples the parent, and the workers once they are up, for the run's timeline. */
  private startSampler(run: RunEmitter, workersUp: () => boolean): MemorySampler {
    const sampled = (): SampledProcess[] => [
      { pid: process.pid, role: 'main', slot: null },
      ...(workersUp()
        ? this.pool.live.map((worker) => ({
            pid: worker.pid,
            role: 'worker' as const,
            slot: worker.slot,
            ask: () => worker.measure(false, 1_000),
          }))
        : []),
    ];
    const sampler = new MemorySampler(this.memorySource, sampled, (sample) =>
      run.emit({ type: 'memory-sample', sample }),
    );
    sampler.start();
    run.useClock(() => sampler.elapsed());
    return sampler;
  }

  /** Writes my_database.xlsx when the lesson reads it; a failure is the run's error. */
  private async prepareDatabase(
    params: RunParams,
    run: RunEmitter,
    signal: AbortSignal,
  ): Promise<{ writeMs: number; error: Error | null }> {
    if (!LESSONS[params.experiment].usesExcel || this.options.existingDatabase)
      return { writeMs: 0, error: null };
    run.phase('writing-excel');
    const started = performance.now();
    try {
      const wrote = await this.ensureDatabase(params.rows, run, signal);
      return { writeMs: wrote ? performance.now() - started : 0, error: null };
    } catch (error) {
      return { writeMs: 0, error: error as Error };
    }
  }

  /** The tasks on the pool, through joblib's Parallel; workers that cannot start end the run too. */
  private async runTasks(
    params: RunParams,
    globals: Partial<Record<GlobalName, unknown>>,
    run: RunEmitter,
    signal: AbortSignal,
    options: RunOptions,
    gate: StepGate | null,
    onWorkersUp: () => void,
  ): Promise<ParallelOutcome> {
    run.phase('starting-workers');
    const definition = LESSONS[params.experiment];
    const { batchSize, verbose, timeout } = params;
    // A lesson run in threads keeps them all in one worker process.
    const nJobs = definition.inThreads ? 1 : params.nJobs;
    const parallel = new Parallel(this.pool, {
      nJobs,
      batchSize,
      verbose,
      timeout,
      stallMs: this.options.stallMs,
    });
    const sent: Record<string, unknown> = {};
    for (const name of definition.globals) sent[name] = globals[name];
    try {
      return await parallel.run({
        runId: run.runId,
        install: {
          experiment: definition.id,
          taskName: definition.taskName,
          taskSource: definition.taskSource,
          globals: sent,
          // Python's `global` reaches the function's globals: a fresh copy per task for a
          // notebook function (sent by value), the worker's own module for an imported one.
          bindings: definition.writesGlobals
            ? params.definedIn === 'module'
              ? 'module'
              : 'per-task'
            : 'const',
          announceStarts: options.announceStarts ?? false,
        },
        args: definition.taskArgs({ tasks: params.tasks, rows: params.rows }),
        signal,
        ...(gate ? { step: gate.hold } : {}),
        onEvent: (event) => {
          if (event.type === 'workers-ready') {
            onWorkersUp();
            run.phase('running');
          }
          run.parallel(event);
        },
      });
    } catch (error) {
      return stoppedOutcome(error as Error);
    }
  }

  private host(): RunReport['host'] {
    return { pid: process.pid, backend: this.pool.backendName, platform: process.platform };
  }

  private describeMainGlobals(values: Partial<Record<GlobalName, unknown>>): GlobalSummary[] {
    const summaries = [summarizeGlobal('MY_GLOBAL_VAR', this.mainGlobals.MY_GLOBAL_VAR)];
    if (values.my_global_df !== undefined)
      summaries.push(summarizeGlobal('my_global_df', values.my_global_df));
    if (values.CALLS !== undefined)
      summaries.push(summarizeGlobal('CALLS', this.mainGlobals.CALLS));
    return summaries;
  }

  /** Writes my_database.xlsx unless the file from an earlier run is still there, unchanged. Returns whether it wrote. */
  private async ensureDatabase(
    rows: number,
    run: RunEmitter,
    signal: AbortSignal,
  ): Promise<boolean> {
    const path = this.databasePath;
    const current = await stat(path).catch(() => null);
    if (
      current &&
      this.written &&
      this.written.rows === rows &&
      this.written.mtimeMs === current.mtimeMs &&
      this.written.size === current.size
    ) {
      run.emit({ type: 'excel-progress', rowsWritten: rows, totalRows: rows });
      return false;
    }
    this.written = null;
    await writeDatabase(path, this.dataset.get(rows).my_data, (progress) => {
      if (signal.aborted) throw new CancelledError();
      run.emit({ type: 'excel-progress', ...progress });
    });
    const after = await stat(path);
    this.written = { rows, mtimeMs: after.mtimeMs, size: after.size };
    return true;
  }
}
