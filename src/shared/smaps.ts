/**
 * Parses Linux's `/proc/<pid>/smaps_rollup`. Text only, so both the worker
 * (for itself) and the parent (for every process it samples) use it.
 */
export interface SmapsFigures {
  /** Unique set size: Private_Clean + Private_Dirty, in bytes. */
  uss: number;
  /** Proportional set size, in bytes. */
  pss: number;
  rss: number;
}

/** Returns the figures in bytes, or null when the text lacks them. */
export function parseSmapsRollup(text: string): SmapsFigures | null {
  const kib = (field: string): number | null => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : null;
  };
  const privateClean = kib('Private_Clean');
  const privateDirty = kib('Private_Dirty');
  const pss = kib('Pss');
  const rss = kib('Rss');
  if (privateClean === null || privateDirty === null || pss === null || rss === null) return null;
  return { uss: privateClean + privateDirty, pss, rss };
}
