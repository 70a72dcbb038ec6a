/**
 * The JSON report of one run, from what the run measured: a pure function,
 * so that what the report says can be read (and tested) in one place.
 */
import { LESSONS, parentBuildsDataset } from '../../shared/lessons';
import type { GlobalSummary, MemorySample, MemorySnapshot } from '../../shared/memory';
import type { RunParams } from '../../shared/params';
import { formatPython } from '../../shared/python-format';
import { threadsOutcomeSchema } from '../../shared/threads';
import type { PhaseMark, RunReport } from '../../shared/report';
import { toReportError } from './errors';
import type { ParallelOutcome } from './parallel';

export interface RunFacts {
  params: RunParams;
  outcome: ParallelOutcome;
  /** The parent's globals after the run, read back from the parent itself. */
  mainGlobals: GlobalSummary[];
  phases: PhaseMark[];
  timeline: MemorySample[];
  main: { pid: number; memory: MemorySnapshot };
  host: RunReport['host'];
  timings: RunReport['timings'];
}

/** Bytes of dataset (8 per row) for the dataset lessons, 0 for the others. */
function datasetBytesOf(params: RunParams): number {
  return LESSONS[params.experiment].usesDataset ? params.rows * Float64Array.BYTES_PER_ELEMENT : 0;
}

export function buildRunReport(facts: RunFacts): RunReport {
  const { params, outcome } = facts;
  const datasetBytes = datasetBytesOf(params);
  const workersDatasetBytes = outcome.workers.reduce((total, w) => total + w.datasetBytes, 0);
  // A lesson run in threads has one task that returns its threads: the results are each thread's, as joblib's threading backend returns them.
  const threads =
    LESSONS[params.experiment].inThreads && outcome.results
      ? (threadsOutcomeSchema.safeParse(outcome.results[0]).data ?? null)
      : null;
  const results = threads ? threads.threads.map((thread) => thread.value) : outcome.results;
  return {
    experiment: params.experiment,
    params,
    results,
    printedResults: results ? formatPython(results) : null,
    threads,
    error: outcome.error ? toReportError(outcome.error) : null,
    mainGlobals: facts.mainGlobals,
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
      mainDatasetBytes: parentBuildsDataset(LESSONS[params.experiment]) ? datasetBytes : 0,
      workersDatasetBytes,
      // A failed run holds a partial set of copies: no duplication is claimed.
      duplication: datasetBytes > 0 && !outcome.error ? workersDatasetBytes / datasetBytes : null,
    },
    phases: facts.phases,
    taskStream: outcome.taskStream,
    timings: facts.timings,
    log: outcome.log,
    host: facts.host,
    main: facts.main,
    timeline: facts.timeline,
  };
}
