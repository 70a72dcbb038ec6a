/**
 * The worker's own memory figures. USS and PSS come from smaps_rollup on
 * Linux; elsewhere they are null, never a made-up zero.
 */
import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { memorySnapshot, type MemorySnapshot } from '../shared/memory';
import { parseSmapsRollup } from '../shared/smaps';

const canReadSmaps = process.platform === 'linux';

/** Collects garbage first when the worker was started with --expose-gc, so figures show what is really held. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Collects garbage and waits for its aftermath, so that a measurement shows
 * what the worker holds and not what it has just dropped: V8 frees the
 * backing stores of dead ArrayBuffers (the IPC copies of a dataset) on a
 * background thread after the collection itself returns.
 */
export async function settleMemory(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

export function measureMemory(): MemorySnapshot {
  const usage = process.memoryUsage();
  let smaps = null;
  if (canReadSmaps) {
    try {
      smaps = parseSmapsRollup(readFileSync('/proc/self/smaps_rollup', 'utf8'));
    } catch {
      smaps = null;
    }
  }
  return memorySnapshot(usage, smaps);
}

/**
 * Starts a new peak: on Linux the kernel keeps the resident set's high-water
 * mark (VmHWM), and writing 5 to clear_refs resets it, so each run's peak is
 * exact, not sampled. Returns false where that is not possible.
 */
export function resetPeakRss(): boolean {
  if (!canReadSmaps) return false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The resident set's high-water mark since the last reset, in bytes (Linux), or null. */
export function peakRssSinceReset(): number | null {
  if (!canReadSmaps) return null;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * How many of this process's file descriptors point at an .xlsx file (or at
 * one of the temporary copies an xlsx library may make of a sheet). A reader
 * that stops early must leave none. Null where /proc is not available.
 */
export function countOpenXlsxHandles(): number | null {
  if (!canReadSmaps) return null;
  try {
    let count = 0;
    for (const fd of readdirSync('/proc/self/fd')) {
      try {
        const target = readlinkSync(`/proc/self/fd/${fd}`);
        if (target.endsWith('.xlsx') || /\/tmp-\d+-/.test(target)) count += 1;
      } catch {
        // The descriptor closed while we looked (readdir's own one does): not a leak.
      }
    }
    return count;
  } catch {
    return null;
  }
}
