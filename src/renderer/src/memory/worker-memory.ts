/**
 * What a worker card says of the worker's memory beyond the data it holds,
 * from measured figures only: its growth over the baseline minus the data it
 * holds is its own bookkeeping (V8 pages, buffers).
 */

/** Rows at which a worker's data clearly outweighs its bookkeeping, suggested when a run's does not. */
export const SUGGESTED_ROWS = 1_000_000;

/**
 * The hint for a worker whose bookkeeping outweighs its data (null when it
 * does not): how much the bookkeeping is, and whether to suggest more rows
 * (only when the run had fewer than SUGGESTED_ROWS).
 */
export function bookkeepingHint(
  growth: number | null,
  datasetBytes: number,
  rows: number,
): { overhead: number; suggestRows: boolean } | null {
  if (growth === null) return null;
  const overhead = Math.max(0, growth - datasetBytes);
  if (overhead <= datasetBytes) return null;
  return { overhead, suggestRows: rows < SUGGESTED_ROWS };
}
