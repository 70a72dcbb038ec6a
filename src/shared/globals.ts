/**
 * How a global is described in the process map and the report, on either side
 * of the process boundary: the parent describes its own copy, each worker the
 * copy it received. Plain JavaScript, no Node APIs.
 */
import type { GlobalSummary } from './memory';

/** Bytes of dataset a value holds: the bytes of its typed arrays (8 per row for `my_data`). */
export function datasetBytesOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    let bytes = 0;
    for (const inner of Object.values(value))
      if (ArrayBuffer.isView(inner)) bytes += inner.byteLength;
    return bytes;
  }
  return 0;
}

/** Describes a global: a number as itself, the dataset by its shape and size. */
export function summarizeGlobal(name: string, value: unknown): GlobalSummary {
  if (typeof value === 'number') return { name, kind: 'number', display: String(value), bytes: 8 };
  const bytes = datasetBytesOf(value);
  const rows = bytes / Float64Array.BYTES_PER_ELEMENT;
  return { name, kind: 'dataframe', display: `DataFrame ${rows} rows × 1 column`, bytes, rows };
}
