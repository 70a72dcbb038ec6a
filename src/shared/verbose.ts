/**
 * joblib's progress messages, ported line by line from joblib 1.2
 * (`Parallel.print_progress`, `_verbosity_filter`, `short_format_time`) so
 * that a run prints what the notebook printed.
 */

/** joblib's `short_format_time`: `" %5.1fs"` below a minute, `"%4.1fmin"` above. */
export function shortFormatTime(seconds: number): string {
  if (seconds > 60) return `${(seconds / 60).toFixed(1).padStart(4)}min`;
  return ` ${seconds.toFixed(1).padStart(5)}s`;
}

/** joblib's `_verbosity_filter`: true when the message for this batch index should be skipped. */
export function verbosityFilter(index: number, verbose: number): boolean {
  if (!verbose) return true;
  if (verbose > 10) return false;
  if (index === 0) return false;
  const scaleBase = 0.5 * (11 - verbose) ** 2;
  const scale = Math.sqrt(index / scaleBase);
  const nextScale = Math.sqrt((index + 1) / scaleBase);
  return Math.trunc(nextScale) === Math.trunc(scale);
}

const pad3 = (n: number): string => String(n).padStart(3);

/**
 * The progress state of one `Parallel` call and the lines it prints. The
 * dispatcher tells it what happened; each method returns the line joblib
 * would print at that point, or null.
 */
export class JoblibProgress {
  private completedTasks = 0;
  private dispatchedTasks = 0;
  private dispatchedBatches = 0;
  private iteratorExhausted = false;

  constructor(
    private readonly nJobs: number,
    private readonly verbose: number,
    /** How many tasks joblib dispatches before the first result (`pre_dispatch='2*n_jobs'`). */
    private readonly preDispatchAmount: number,
    private readonly startedAt: number,
  ) {}

  private line(message: string): string | null {
    return this.verbose ? `[Parallel(n_jobs=${this.nJobs})]: ${message}` : null;
  }

  /** The first line of a call. */
  usingBackend(backend: string, workers: number): string | null {
    return this.line(`Using backend ${backend} with ${workers} concurrent workers.`);
  }

  batchDispatched(size: number): void {
    this.dispatchedBatches += 1;
    this.dispatchedTasks += size;
  }

  /** Called when the dispatcher has found no task left to send. */
  exhausted(): void {
    this.iteratorExhausted = true;
  }

  /** A batch finished: joblib's `print_progress`. */
  batchCompleted(size: number, now: number): string | null {
    this.completedTasks += size;
    if (!this.verbose) return null;
    const elapsed = (now - this.startedAt) / 1000;
    if (!this.iteratorExhausted) {
      if (verbosityFilter(this.dispatchedBatches, this.verbose)) return null;
      return this.line(
        `Done ${pad3(this.completedTasks)} tasks      | elapsed: ${shortFormatTime(elapsed)}`,
      );
    }
    const index = this.completedTasks;
    const total = this.dispatchedTasks;
    if (index !== 0) {
      const cursor = total - index + 1 - this.preDispatchAmount;
      const frequency = Math.floor(total / this.verbose) + 1;
      const isLastItem = index + 1 === total;
      if (isLastItem || cursor % frequency !== 0) return null;
    }
    const remaining = index === 0 ? 0 : (elapsed / index) * (total - index);
    return this.line(
      `Done ${pad3(index)} out of ${pad3(total)} | elapsed: ${shortFormatTime(elapsed)} remaining: ${shortFormatTime(remaining)}`,
    );
  }

  /** The closing line, once every result is in. */
  finished(resultCount: number, now: number): string | null {
    const elapsed = (now - this.startedAt) / 1000;
    return this.line(
      `Done ${pad3(resultCount)} out of ${pad3(resultCount)} | elapsed: ${shortFormatTime(elapsed)} finished`,
    );
  }
}
