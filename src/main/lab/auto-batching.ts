/**
 * joblib's `batch_size='auto'`, ported from joblib 1.2
 * (`AutoBatchingMixin.compute_batch_size` and `batch_completed`): start with
 * one task per batch, double while batches finish in under 0.2 s, shrink when
 * they take over 2 s. Durations are smoothed over the last batches of the
 * current size.
 */
export const MIN_IDEAL_BATCH_DURATION_S = 0.2;
export const MAX_IDEAL_BATCH_DURATION_S = 2;

export class AutoBatching {
  private effectiveBatchSize = 1;
  private smoothedDuration = 0;

  /** The size of the next batch. */
  computeBatchSize(): number {
    const old = this.effectiveBatchSize;
    const duration = this.smoothedDuration;
    let size = old;
    if (duration > 0 && duration < MIN_IDEAL_BATCH_DURATION_S) {
      // Grow, but at most double, to limit the cost of a bad guess.
      const ideal = Math.trunc((old * MIN_IDEAL_BATCH_DURATION_S) / duration) * 2;
      size = Math.max(Math.min(2 * old, ideal), 1);
    } else if (duration > MAX_IDEAL_BATCH_DURATION_S && old >= 2) {
      const ideal = Math.trunc((old * MIN_IDEAL_BATCH_DURATION_S) / duration);
      size = Math.max(2 * ideal, 1);
    }
    if (size !== old) {
      this.effectiveBatchSize = size;
      // Forget durations measured at the old size.
      this.smoothedDuration = 0;
    }
    return size;
  }

  /** Records how long a batch took (seconds, from dispatch to result). */
  batchCompleted(batchSize: number, durationS: number): void {
    if (batchSize !== this.effectiveBatchSize) return;
    this.smoothedDuration =
      this.smoothedDuration === 0 ? durationS : 0.8 * this.smoothedDuration + 0.2 * durationS;
  }
}
