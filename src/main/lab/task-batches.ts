/**
 * The tasks of one `Parallel` call, cut into batches the way joblib cuts
 * them (`BatchedCalls` and the slicing in `dispatch_one_batch`).
 */
import type { BatchSize } from '../../shared/params';
import type { TaskCall } from '../../shared/worker-protocol';
import { AutoBatching } from './auto-batching';

export class TaskBatches {
  /** joblib's auto-batching state; null for a fixed `batchSize`. */
  readonly auto: AutoBatching | null;
  private nextTask = 0;
  /** Batches cut from an automatic slice and not yet handed out. */
  private readonly ready: TaskCall[][] = [];

  constructor(
    private readonly args: readonly unknown[][],
    private readonly batchSize: BatchSize,
    private readonly nJobs: number,
  ) {
    this.auto = batchSize === 'auto' ? new AutoBatching() : null;
  }

  get total(): number {
    return this.args.length;
  }

  /**
   * The next batch among the first `limit` tasks (the pre-dispatch slice), or
   * null when they are all handed out. With `'auto'`, joblib takes
   * `size × nJobs` tasks at once and splits them into nJobs batches, or ten
   * times more near the end so that the last tasks spread over every worker.
   */
  take(limit: number): TaskCall[] | null {
    if (this.ready.length) return this.ready.shift() ?? null;
    const available = Math.min(limit, this.total) - this.nextTask;
    if (available <= 0) return null;
    if (!this.auto) return this.slice(Math.min(this.batchSize as number, available));
    const size = this.auto.computeBatchSize();
    const big = this.slice(Math.min(size * this.nJobs, available));
    const atEnd = limit >= this.total && big.length < size * this.nJobs;
    const finalSize = Math.max(1, Math.floor(big.length / (atEnd ? 10 * this.nJobs : this.nJobs)));
    for (let i = 0; i < big.length; i += finalSize) this.ready.push(big.slice(i, i + finalSize));
    return this.ready.shift() ?? null;
  }

  private slice(n: number): TaskCall[] {
    const tasks: TaskCall[] = [];
    for (let i = 0; i < n && this.nextTask < this.total; i += 1, this.nextTask += 1)
      tasks.push({ index: this.nextTask, args: this.args[this.nextTask] ?? [] });
    return tasks;
  }
}
