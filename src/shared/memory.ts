/**
 * Memory figures of one process at one moment, in bytes. `uss` and `pss` come
 * from `/proc/<pid>/smaps_rollup` and are `null` where the OS does not offer
 * them (macOS, Windows): the UI says so instead of drawing a zero.
 */
export interface MemorySnapshot {
  /** Milliseconds since the epoch. */
  at: number;
  /** Resident set: every page in RAM, including the ~35 MiB of the Node binary shared by all processes. */
  rss: number;
  /** V8's used JavaScript heap. */
  heapUsed: number;
  heapTotal: number;
  /** Memory of ArrayBuffers and typed arrays (the dataset lives here). */
  arrayBuffers: number;
  external: number;
  /** Unique set: pages only this process uses (Private_Clean + Private_Dirty). What the process really costs. */
  uss: number | null;
  /** Proportional set: private pages plus a fair share of shared ones. */
  pss: number | null;
}

/** A global as a worker received it, described for the process map. */
export interface GlobalSummary {
  name: string;
  /** `number`, or `dataframe` for `my_global_df`. */
  kind: 'number' | 'dataframe';
  /** Short display of the value: `1.4`, or `DataFrame 100 rows × 1 column`. */
  display: string;
  /** Bytes of data the value holds (8 for a number, 8 per row for the dataset). */
  bytes: number;
  /** For a dataframe: its row count. */
  rows?: number;
}

/** Bytes in one MiB (2^20), the unit the UI shows. */
export const MIB = 1024 * 1024;

/** One process in a memory sample. Null where this OS does not give the figure. */
export interface ProcessMemory {
  pid: number;
  role: 'main' | 'worker';
  /** The worker's slot (0-based), null for the main process. */
  slot: number | null;
  rss: number | null;
  uss: number | null;
  pss: number | null;
}

/** Every process's memory at one moment of a run. */
export interface MemorySample {
  /** Milliseconds since the run started. */
  t: number;
  processes: ProcessMemory[];
}
