/**
 * Turns the reports of a comparison's strategies (full copy, partial read,
 * shared memory) into what the memory charts draw: per process, what it
 * holds (counted) and what it grew by (measured), and the totals against the
 * ideal.
 */
import type { CompareParams } from '../../shared/params';
import { idealBytes, strategySchema } from '../../shared/strategies';
import type {
  CompareReport,
  ProcessMemoryRow,
  RunReport,
  StrategySummary,
  SweepPoint,
} from '../../shared/report';

const measuredDelta = (
  after: number | null | undefined,
  before: number | null | undefined,
): number | null =>
  after === null || after === undefined || before === null || before === undefined
    ? null
    : after - before;

/** The rows of the memory table: the parent (its own copy), then each worker. */
export function processRows(report: RunReport): ProcessMemoryRow[] {
  const main: ProcessMemoryRow = {
    role: 'main',
    slot: null,
    pid: report.main.pid,
    datasetBytes: report.memory.mainDatasetBytes,
    uss: report.main.memory.uss,
    rss: report.main.memory.rss,
    ussDelta: null,
    rssDelta: null,
    heapDelta: null,
  };
  const workers = report.workers.map((worker): ProcessMemoryRow => ({
    role: 'worker',
    slot: worker.slot,
    pid: worker.pid,
    datasetBytes: worker.datasetBytes,
    uss: worker.memory.after?.uss ?? null,
    rss: worker.memory.after?.rss ?? 0,
    ussDelta: measuredDelta(worker.memory.after?.uss, worker.memory.baseline.uss),
    rssDelta: measuredDelta(worker.memory.after?.rss, worker.memory.baseline.rss),
    heapDelta: measuredDelta(worker.memory.after?.heapUsed, worker.memory.baseline.heapUsed),
  }));
  return [main, ...workers];
}

/** Sum of the workers' measured growth: USS where the OS gives it, RSS otherwise; null if any is missing. */
function workersMeasured(rows: ProcessMemoryRow[], hasUss: boolean): number | null {
  let total = 0;
  for (const row of rows) {
    if (row.role !== 'worker') continue;
    const delta = hasUss ? row.ussDelta : row.rssDelta;
    if (delta === null) return null;
    total += delta;
  }
  return total;
}

/** One strategy of a comparison, from the report of its run. */
export function summarizeStrategy(report: RunReport, hasUss: boolean): StrategySummary {
  const experiment = strategySchema.parse(report.experiment);
  const processes = processRows(report);
  return {
    experiment,
    printedResults: report.printedResults,
    error: report.error,
    processes,
    workersDatasetBytes: report.memory.workersDatasetBytes,
    workersMeasuredBytes: workersMeasured(processes, hasUss),
    mainDatasetBytes: report.memory.mainDatasetBytes,
    duplication: report.memory.duplication,
    idealBytes: idealBytes(experiment, report.params.nJobs, report.memory.datasetBytes),
    threadHeapGrowth: report.threads?.threads.map((thread) => thread.heapGrowth) ?? null,
    runMs: report.timings.runMs,
    timeline: report.timeline,
    phases: report.phases,
  };
}

/** One point of the scaling chart: for each strategy's run at `workers`, the parent's copy plus the workers' measured growth, against the ideal. */
export function sweepPoint(
  workers: number,
  reports: readonly RunReport[],
  hasUss: boolean,
): SweepPoint {
  return {
    workers,
    strategies: reports.map((report) => {
      const growth = workersMeasured(processRows(report), hasUss);
      const experiment = strategySchema.parse(report.experiment);
      return {
        experiment,
        measuredBytes:
          report.error || growth === null ? null : report.memory.mainDatasetBytes + growth,
        idealBytes: idealBytes(experiment, workers, report.memory.datasetBytes),
      };
    }),
  };
}

/** A comparison's clock: when it started, and how long it has taken so far. */
export function compareClock(): () => CompareReport['timings'] {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  return () => ({ startedAt, totalMs: performance.now() - started });
}

/** The report of a comparison that ran every step to its end: `reports` are its strategies' runs, in their order. */
export function completeCompare(
  params: CompareParams,
  reports: readonly RunReport[],
  sweep: SweepPoint[] | null,
  hasUss: boolean,
  { timings, host }: Pick<CompareReport, 'timings' | 'host'>,
): CompareReport {
  return {
    experiment: 'compare',
    outcome: 'complete',
    params,
    datasetBytes: params.rows * Float64Array.BYTES_PER_ELEMENT,
    figure: hasUss ? 'uss' : 'rss',
    strategies: reports.map((report) => summarizeStrategy(report, hasUss)),
    sweep,
    timings,
    host,
  };
}
