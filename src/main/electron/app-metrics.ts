/**
 * Electron's own view of its processes, `app.getAppMetrics()`, as the lab's
 * memory source where there is no /proc (macOS, Windows): the working set as
 * RSS, and on Windows the private bytes as USS. On Linux the lab reads
 * smaps_rollup instead, which is more precise.
 */
import { app } from 'electron';
import type { ProcessMemory } from '../../shared/memory';
import { procMemorySource, type MemorySource } from '../lab/memory-sampler';

const KIB = 1024;

export const appMetricsSource: MemorySource = {
  hasUss: process.platform === 'win32',
  sample(processes) {
    const metrics = new Map(app.getAppMetrics().map((metric) => [metric.pid, metric.memory]));
    return Promise.resolve(
      processes.map(({ pid, role, slot }): ProcessMemory => {
        const memory = metrics.get(pid);
        return {
          pid,
          role,
          slot,
          rss: memory ? memory.workingSetSize * KIB : null,
          uss: memory?.privateBytes !== undefined ? memory.privateBytes * KIB : null,
          pss: null,
        };
      }),
    );
  },
};

/** The best source on this system. */
export function electronMemorySource(): MemorySource {
  return process.platform === 'linux' ? procMemorySource : appMetricsSource;
}
