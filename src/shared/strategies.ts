/**
 * The strategies the memory comparison sets side by side. Each is a lesson
 * that gets the dataset to N workers its own way; what it costs in theory,
 * for a dataset of D bytes, is written here once for the lab, the CLI and the
 * charts.
 */
import { z } from 'zod/mini';
import type { LessonId } from './lessons';

/** In the order the comparison runs, tables and draws them. */
export const STRATEGIES = [
  'full-copy',
  'partial-read',
  'shared-memory',
] as const satisfies readonly LessonId[];

export const strategySchema = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof strategySchema>;

/**
 * How many copies of the dataset all processes hold in theory, with N
 * workers: the parent's and every worker's for a full copy; the parent's and
 * the chunks (one copy in all) for a partial read; the one copy the threads
 * share, built in their own process, for shared memory.
 */
export const IDEAL_COPIES: Record<
  Strategy,
  { formula: string; copies: (workers: number) => number }
> = {
  'full-copy': { formula: '(N+1)·D', copies: (workers) => workers + 1 },
  'partial-read': { formula: '2·D', copies: () => 2 },
  'shared-memory': { formula: '1·D', copies: () => 1 },
};

/** What the dataset costs in all processes in theory, in bytes. */
export function idealBytes(strategy: Strategy, workers: number, datasetBytes: number): number {
  return IDEAL_COPIES[strategy].copies(workers) * datasetBytes;
}
