/**
 * What a run will allocate, estimated before anything is allocated or
 * spawned, so that a run too big for this machine is refused with numbers
 * instead of swapping the projector laptop to a halt.
 */
import type { ErrorDetail } from './error-detail';
import { LESSONS, type LessonId } from './lessons';
import { MIB } from './memory';

/** What one Node process costs before it holds data (measured here: 45-60 MiB RSS). */
export const PROCESS_BASELINE_BYTES = 64 * MIB;

/** The share of available memory a run may use. */
export const MEMORY_BUDGET_SHARE = 0.5;

export interface MemoryEstimate {
  /** Bytes of the dataset, 8 per row. */
  datasetBytes: number;
  /** What the processes hold once the data has arrived. */
  heldBytes: number;
  /** The most they hold at once: while a full copy is sent, the parent holds a serialized copy per worker and each worker a received one. */
  peakBytes: number;
  processes: number;
}

/**
 * For a full copy with N workers and a dataset of D bytes: the parent and
 * each worker hold D, (N+1)·D; while it is sent there are N serialized
 * copies in the parent and N received buffers in the workers as well, up to
 * (3N+1)·D. A partial read holds the parent's D and the chunks, 2·D;
 * threads hold one D in their one process. Every process adds its baseline.
 */
export function estimateRunMemory(
  experiment: LessonId,
  nJobs: number,
  rows: number,
): MemoryEstimate {
  const definition = LESSONS[experiment];
  const datasetBytes = definition.usesDataset ? rows * Float64Array.BYTES_PER_ELEMENT : 0;
  // A lesson in threads runs one worker process, which builds the one copy.
  const processes = definition.inThreads ? 2 : nJobs + 1;
  const baselines = processes * PROCESS_BASELINE_BYTES;
  let held = 0;
  let peak = 0;
  if (definition.inThreads) {
    held = datasetBytes;
    peak = datasetBytes;
  } else if (definition.globals.includes('my_global_df')) {
    held = (nJobs + 1) * datasetBytes;
    peak = (3 * nJobs + 1) * datasetBytes;
  } else if (definition.usesDataset) {
    held = 2 * datasetBytes;
    peak = 3 * datasetBytes;
  }
  return { datasetBytes, heldBytes: held + baselines, peakBytes: peak + baselines, processes };
}

const GIB = 1024 * MIB;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

/** A run refused because it would not fit in this machine's memory. */
export class MemoryGuardError extends Error {
  override name = 'MemoryGuardError';
  constructor(
    readonly estimate: MemoryEstimate,
    readonly budgetBytes: number,
    readonly availableBytes: number,
    message: string,
    /** The same, as a code with values, for the UI's language. */
    readonly detail: ErrorDetail,
  ) {
    super(message);
  }
}

/**
 * Throws `MemoryGuardError` when the run's peak estimate is above the budget
 * (half of the memory available now), with the estimate, the budget, and the
 * largest rows and workers that would fit.
 */
export function checkMemoryBudget(
  experiment: LessonId,
  nJobs: number,
  rows: number,
  availableBytes: number,
): MemoryEstimate {
  const estimate = estimateRunMemory(experiment, nJobs, rows);
  const budget = availableBytes * MEMORY_BUDGET_SHARE;
  if (estimate.peakBytes <= budget) return estimate;
  const perRow = estimate.peakBytes - estimate.processes * PROCESS_BASELINE_BYTES;
  const maxRows =
    perRow > 0
      ? Math.max(
          0,
          Math.floor(((budget - estimate.processes * PROCESS_BASELINE_BYTES) / perRow) * rows),
        )
      : 0;
  let maxWorkers = 0;
  for (let n = nJobs - 1; n >= 1; n -= 1) {
    if (estimateRunMemory(experiment, n, rows).peakBytes <= budget) {
      maxWorkers = n;
      break;
    }
  }
  const lower = [
    maxRows >= 1 ? `rows to at most ${maxRows.toLocaleString('en-US')}` : null,
    maxWorkers >= 1 ? `workers to at most ${maxWorkers}` : null,
  ]
    .filter(Boolean)
    .join(' or ');
  const message =
    `Refused before starting: ${experiment} with ${nJobs} workers and ${rows.toLocaleString('en-US')} rows needs about ${gib(estimate.peakBytes)} at its peak ` +
    `(a ${gib(estimate.datasetBytes)} dataset held by the parent and ${definitionCopies(experiment, nJobs)}, plus ${PROCESS_BASELINE_BYTES / MIB} MiB per process), ` +
    `but the budget is ${gib(budget)}: half of the ${gib(availableBytes)} of memory available now. ` +
    (lower ? `Lower ${lower}.` : 'Close other programs to free memory.');
  throw new MemoryGuardError(estimate, budget, availableBytes, message, {
    code: 'memory-guard',
    experiment,
    nJobs,
    rows,
    peakBytes: estimate.peakBytes,
    budgetBytes: budget,
    availableBytes,
    maxRows: Math.max(0, maxRows),
    maxWorkers,
  });
}

function definitionCopies(experiment: LessonId, nJobs: number): string {
  return LESSONS[experiment].globals.includes('my_global_df')
    ? `a copy in each of the ${nJobs} workers, with two more per worker while it is sent`
    : 'the chunks read by the workers';
}
