/** A half-open range of dataset rows, `[start, end)`, as the tutorial's tasks take it. */
export interface Chunk {
  start: number;
  end: number;
}

/**
 * Splits `rows` rows into `parts` contiguous chunks that cover every row and
 * differ in size by at most one (the first `rows % parts` chunks get the extra
 * row): 100 rows on 3 workers give 34, 33, 33. The tutorial's
 * `rows // n_workers` would silently drop the remainder instead.
 */
export function chunkBounds(rows: number, parts: number): Chunk[] {
  if (!Number.isInteger(rows) || rows < 0)
    throw new RangeError(`rows must be a whole number ≥ 0, got ${rows}`);
  if (!Number.isInteger(parts) || parts < 1)
    throw new RangeError(`parts must be a whole number ≥ 1, got ${parts}`);
  const base = Math.floor(rows / parts);
  const extra = rows % parts;
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i < parts; i += 1) {
    const end = start + base + (i < extra ? 1 : 0);
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

/** The rows the tutorial's own `rows // n_workers` chunking leaves out (0 when it divides evenly). */
export function rowsDroppedByFloorChunking(rows: number, parts: number): number {
  return rows - Math.floor(rows / parts) * parts;
}
