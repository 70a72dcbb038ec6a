/**
 * Memory figures of one process at one moment, in bytes. `uss` and `pss` come
 * from `/proc/<pid>/smaps_rollup` and are `null` where the OS does not offer
 * them (macOS, Windows): the UI says so instead of drawing a zero.
 */
import { z } from 'zod/mini';

export const memorySnapshotSchema = z.strictObject({
  /** Milliseconds since the epoch. */
  at: z.number(),
  /** Resident set: every page in RAM, including the ~35 MiB of the Node binary shared by all processes. */
  rss: z.number(),
  /** V8's used JavaScript heap. */
  heapUsed: z.number(),
  heapTotal: z.number(),
  /** Memory of ArrayBuffers and typed arrays (the dataset lives here). */
  arrayBuffers: z.number(),
  external: z.number(),
  /** Unique set: pages only this process uses (Private_Clean + Private_Dirty). What the process really costs. */
  uss: z.nullable(z.number()),
  /** Proportional set: private pages plus a fair share of shared ones. */
  pss: z.nullable(z.number()),
});
export type MemorySnapshot = z.infer<typeof memorySnapshotSchema>;

/** The part of `process.memoryUsage()` a snapshot keeps. */
export type MemoryUsage = Pick<
  MemorySnapshot,
  'rss' | 'heapUsed' | 'heapTotal' | 'arrayBuffers' | 'external'
>;

/** A snapshot from Node's figures and, where the OS gives them, USS and PSS. */
export function memorySnapshot(
  usage: MemoryUsage,
  own: { uss: number | null; pss: number | null } | null | undefined,
): MemorySnapshot {
  const { rss, heapUsed, heapTotal, arrayBuffers, external } = usage;
  return {
    at: Date.now(),
    rss,
    heapUsed,
    heapTotal,
    arrayBuffers,
    external,
    uss: own?.uss ?? null,
    pss: own?.pss ?? null,
  };
}

/** A global as a worker received it, described for the process map. */
export const globalSummarySchema = z.strictObject({
  name: z.string(),
  /** `number`, or `dataframe` for `my_global_df`. */
  kind: z.enum(['number', 'dataframe']),
  /** Short display of the value: `1.4`, or `DataFrame 100 rows × 1 column`. */
  display: z.string(),
  /** Bytes of data the value holds (8 for a number, 8 per row for the dataset). */
  bytes: z.number(),
  /** For a dataframe: its row count. */
  rows: z.optional(z.number()),
});
export type GlobalSummary = z.infer<typeof globalSummarySchema>;

/** Bytes in one MiB (2^20), the unit the UI shows. */
export const MIB = 1024 * 1024;

/** One process in a memory sample. Null where this OS does not give the figure. */
export const processMemorySchema = z.strictObject({
  pid: z.number(),
  role: z.enum(['main', 'worker']),
  /** The worker's slot (0-based), null for the main process. */
  slot: z.nullable(z.number()),
  rss: z.nullable(z.number()),
  uss: z.nullable(z.number()),
  pss: z.nullable(z.number()),
});
export type ProcessMemory = z.infer<typeof processMemorySchema>;

/** Every process's memory at one moment of a run. */
export const memorySampleSchema = z.strictObject({
  /** Milliseconds since the run started. */
  t: z.number(),
  processes: z.array(processMemorySchema),
});
export type MemorySample = z.infer<typeof memorySampleSchema>;
