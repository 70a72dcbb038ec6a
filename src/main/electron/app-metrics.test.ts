/** `app.getAppMetrics()` cannot run here: electron is replaced by a stand-in in this test of the thin layer only. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  app: {
    getAppMetrics: () => [
      {
        pid: 10,
        type: 'Browser',
        memory: { workingSetSize: 200_000, peakWorkingSetSize: 0, privateBytes: 150_000 },
      },
      { pid: 11, type: 'Utility', memory: { workingSetSize: 50_000, peakWorkingSetSize: 0 } },
    ],
  },
}));

const { appMetricsSource } = await import('./app-metrics');

describe('appMetricsSource', () => {
  it("turns Electron's KiB figures into bytes, per process, and says nothing it does not know", async () => {
    const samples = await appMetricsSource.sample([
      { pid: 10, role: 'main', slot: null },
      { pid: 11, role: 'worker', slot: 0 },
      { pid: 99, role: 'worker', slot: 1 },
    ]);
    expect(samples).toEqual([
      { pid: 10, role: 'main', slot: null, rss: 200_000 * 1024, uss: 150_000 * 1024, pss: null },
      { pid: 11, role: 'worker', slot: 0, rss: 50_000 * 1024, uss: null, pss: null },
      { pid: 99, role: 'worker', slot: 1, rss: null, uss: null, pss: null },
    ]);
  });
});
