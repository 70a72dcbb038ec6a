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
import type { RunEvent, RunPhase } from '../../shared/api';
import {
  DATABASE_FILE,
  EXPERIMENTS,
  MY_GLOBAL_VAR,
  type GlobalName,
} from '../../shared/experiments';
import { summarizeGlobal } from '../../shared/globals';
import type { GlobalSummary } from '../../shared/memory';
import { checkMemoryBudget } from '../../shared/memory-guard';
import { validateCompareParams, validateRunParams, type RunParams } from '../../shared/params';
import { formatPython } from '../../shared/python-format';
import type {
  CompareOutcome,
  CompareReport,
  PhaseMark,
  RunReport,
  StoppedCompare,
} from '../../shared/report';
import { DatasetStore } from './dataset';
import { CancelledError, toReportError } from './errors';
import { writeDatabase } from './excel-database';
import { summarizeStrategy, sweepPoint } from './compare';
import type { Launcher } from './launcher';
import {
  MemorySampler,
  availableMemory,
  defaultMemorySource,
  measureMain,
  type MemorySource,
  type SampledProcess,
} from './memory-sampler';
import { Parallel, stoppedOutcome } from './parallel';
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
  private readonly mainGlobals: { MY_GLOBAL_VAR: number } = { MY_GLOBAL_VAR };
  private written: { rows: number; mtimeMs: number; size: number } | null = null;
  private nextRunId = 1;
  private running: AbortController | null = null;
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
   * Runs full-copy and partial-read at the same rows and workers, and with
   * `sweep` both again at 1 … nJobs workers, and compares what each process
   * holds.
   */
  async compare(request: unknown, options: RunOptions = {}): Promise<CompareOutcome> {
    const params = validateCompareParams(request);
    return this.exclusive(options.signal, async (signal) => {
      checkMemoryBudget('full-copy', params.nJobs, params.rows, await availableMemory());
      const started = performance.now();
      const startedAt = new Date().toISOString();
      const timings = (): CompareReport['timings'] => ({
        startedAt,
        totalMs: performance.now() - started,
      });
      // Each step must finish: the first that does not ends the comparison, with no figures.
      const step = async (
        nJobs: number,
        experiment: 'full-copy' | 'partial-read',
        sweep: boolean,
      ) => {
        const base = {
          nJobs,
          tasks: nJobs,
          rows: params.rows,
          batchSize: 1,
          timeout: null,
        } as const;
        const report = await this.execute(
          { ...base, verbose: sweep ? 0 : 10, experiment },
          signal,
          options,
        );
        if (!report.error) return report;
        throw new CompareStopped({
          experiment: 'compare',
          outcome: report.error.name === 'CancelledError' ? 'cancelled' : 'failed',
          params,
          stoppedDuring: { experiment, nJobs, sweep },
          error: report.error,
          timings: timings(),
        });
      };
      try {
        const full = await step(params.nJobs, 'full-copy', false);
        const partial = await step(params.nJobs, 'partial-read', false);
        const hasUss = this.memorySource.hasUss;
        const sweep = [];
        for (let n = 1; params.sweep && n <= params.nJobs; n += 1) {
          const fullN = await step(n, 'full-copy', true);
          sweep.push(sweepPoint(n, fullN, await step(n, 'partial-read', true), hasUss));
        }
        return {
          experiment: 'compare',
          outcome: 'complete',
          params,
          datasetBytes: params.rows * Float64Array.BYTES_PER_ELEMENT,
          figure: hasUss ? 'uss' : 'rss',
          strategies: [summarizeStrategy(full, hasUss), summarizeStrategy(partial, hasUss)],
          sweep: params.sweep ? sweep : null,
          timings: timings(),
          host: { pid: process.pid, backend: this.pool.backendName, platform: process.platform },
        };
      } catch (error) {
        if (error instanceof CompareStopped) return error.outcome;
        throw error;
      }
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
    }
  }

  private async execute(
    params: RunParams,
    signal: AbortSignal,
    options: RunOptions,
  ): Promise<RunReport> {
    const runId = this.nextRunId++;
    const definition = EXPERIMENTS[params.experiment];
    const emit = (event: RunEvent): void => options.onEvent?.(event);
    // Phases are marked on the timeline's clock, once the sampler runs.
    const phases: PhaseMark[] = [];
    let sampler: MemorySampler | null = null;
    const phase = (name: RunPhase): void => {
      if (sampler && name !== 'finished') phases.push({ phase: name, t: sampler.elapsed() });
      emit({ runId, type: 'phase', phase: name });
    };
    const startedAt = new Date();
    const started = performance.now();
    let excelWriteMs = 0;

    const globalValues: Partial<Record<GlobalName, unknown>> = {
      MY_GLOBAL_VAR: this.mainGlobals.MY_GLOBAL_VAR,
    };
    if (definition.usesDataset) {
      phase('preparing-dataset');
      globalValues.my_global_df = this.dataset.get(params.rows);
    } else {
      this.dataset.release();
    }
    emit({
      runId,
      type: 'run-started',
      params,
      mainPid: process.pid,
      mainGlobals: this.describeMainGlobals(globalValues),
    });

    let workersSampled = false;
    const sampled = (): SampledProcess[] => [
      { pid: process.pid, role: 'main', slot: null },
      ...(workersSampled
        ? this.pool.live.map((worker) => ({
            pid: worker.pid,
            role: 'worker' as const,
            slot: worker.slot,
            ask: () => worker.measure(false, 1_000),
          }))
        : []),
    ];
    sampler = new MemorySampler(this.memorySource, sampled, (sample) =>
      emit({ runId, type: 'memory-sample', sample }),
    );
    sampler.start();

    let setupError: Error | null = null;
    if (definition.usesExcel && !this.options.existingDatabase) {
      phase('writing-excel');
      const writeStarted = performance.now();
      try {
        if (await this.ensureDatabase(params.rows, runId, emit, signal))
          excelWriteMs = performance.now() - writeStarted;
      } catch (error) {
        setupError = error as Error;
      }
    }

    let outcome;
    if (setupError) {
      outcome = stoppedOutcome(setupError);
    } else {
      phase('starting-workers');
      const parallel = new Parallel(this.pool, {
        nJobs: params.nJobs,
        batchSize: params.batchSize,
        verbose: params.verbose,
        timeout: params.timeout,
        stallMs: this.options.stallMs,
      });
      const sent: Record<string, unknown> = {};
      for (const name of definition.globals) sent[name] = globalValues[name];
      try {
        outcome = await parallel.run({
          runId,
          install: {
            experiment: definition.id,
            taskName: definition.taskName,
            taskSource: definition.taskSource,
            globals: sent,
            announceStarts: options.announceStarts ?? false,
          },
          args: definition.taskArgs({ tasks: params.tasks, rows: params.rows }),
          signal,
          onEvent: (event) => {
            if (event.type === 'workers-ready') {
              workersSampled = true;
              phase('running');
            }
            emit({ runId, ...event });
          },
        });
      } catch (error) {
        // Workers that could not start: the run ends with that error, like any other.
        outcome = stoppedOutcome(error as Error);
      }
    }
    phase('measuring');
    const timeline = await sampler.stop();
    const mainMemory = await measureMain(this.memorySource);

    const datasetBytes = definition.usesDataset ? params.rows * Float64Array.BYTES_PER_ELEMENT : 0;
    const workersDatasetBytes = outcome.workers.reduce(
      (total, worker) => total + worker.datasetBytes,
      0,
    );
    const report: RunReport = {
      experiment: params.experiment,
      params,
      results: outcome.results,
      printedResults: outcome.results ? formatPython(outcome.results) : null,
      error: outcome.error ? toReportError(outcome.error) : null,
      // Read back after the run: whatever the workers did, this is the parent's own value.
      mainGlobals: this.describeMainGlobals(globalValues),
      workers: outcome.workers.map((worker) => ({
        slot: worker.slot,
        pid: worker.pid,
        taskIndexes: worker.taskIndexes,
        received: worker.received,
        datasetBytes: worker.datasetBytes,
        memory: { baseline: worker.baseline, after: worker.after },
        openXlsxHandles: worker.openXlsxHandles,
        peakRss: worker.peakRss,
        reads: worker.reads,
      })),
      memory: {
        datasetBytes,
        mainDatasetBytes: definition.usesDataset ? datasetBytes : 0,
        workersDatasetBytes,
        duplication: datasetBytes > 0 && !outcome.error ? workersDatasetBytes / datasetBytes : null,
      },
      phases,
      timings: {
        startedAt: startedAt.toISOString(),
        excelWriteMs,
        poolStartMs: outcome.poolStartMs,
        runMs: outcome.runMs,
        totalMs: performance.now() - started,
      },
      log: outcome.log,
      host: { pid: process.pid, backend: this.pool.backendName, platform: process.platform },
      main: { pid: process.pid, memory: mainMemory },
      timeline,
    };
    phase('finished');
    emit({ runId, type: 'run-finished', report });
    return report;
  }

  private describeMainGlobals(values: Partial<Record<GlobalName, unknown>>): GlobalSummary[] {
    const summaries = [summarizeGlobal('MY_GLOBAL_VAR', this.mainGlobals.MY_GLOBAL_VAR)];
    if (values.my_global_df !== undefined)
      summaries.push(summarizeGlobal('my_global_df', values.my_global_df));
    return summaries;
  }

  /** Writes my_database.xlsx unless the file from an earlier run is still there, unchanged. Returns whether it wrote. */
  private async ensureDatabase(
    rows: number,
    runId: number,
    emit: (event: RunEvent) => void,
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
      emit({ runId, type: 'excel-progress', rowsWritten: rows, totalRows: rows });
      return false;
    }
    this.written = null;
    await writeDatabase(path, this.dataset.get(rows).my_data, (progress) => {
      if (signal.aborted) throw new CancelledError();
      emit({ runId, type: 'excel-progress', ...progress });
    });
    const after = await stat(path);
    this.written = { rows, mtimeMs: after.mtimeMs, size: after.size };
    return true;
  }
}
