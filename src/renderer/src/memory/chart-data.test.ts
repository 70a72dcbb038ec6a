import { describe, expect, it } from 'vitest';
import type { CompareReport, ProcessMemoryRow, StrategySummary } from '../../../shared/report';
import { MIB, barRows, compareCsv, memoryParts, scalingRows, timelineRows } from './chart-data';

const row = (over: Partial<ProcessMemoryRow>): ProcessMemoryRow => ({
  role: 'worker',
  slot: 0,
  pid: 11,
  datasetBytes: 8 * MIB,
  uss: 60 * MIB,
  rss: 90 * MIB,
  ussDelta: 9 * MIB,
  rssDelta: 12 * MIB,
  heapDelta: 0.5 * MIB,
  ...over,
});

const strategy = (
  experiment: 'full-copy' | 'partial-read',
  processes: ProcessMemoryRow[],
): StrategySummary => ({
  experiment,
  printedResults: '[1, 2]',
  error: null,
  processes,
  workersDatasetBytes: 0,
  workersMeasuredBytes: 0,
  mainDatasetBytes: 8 * MIB,
  duplication: 1,
  idealBytes: 16 * MIB,
  runMs: 10,
  timeline: [],
  phases: [],
});

const report = (figure: 'uss' | 'rss'): CompareReport => ({
  experiment: 'compare',
  outcome: 'complete',
  params: { nJobs: 1, rows: 1_048_576, sweep: true },
  datasetBytes: 8 * MIB,
  figure,
  strategies: [
    strategy('full-copy', [
      row({ role: 'main', slot: null, pid: 10, ussDelta: null, rssDelta: null, heapDelta: null }),
      row({}),
    ]),
    strategy('partial-read', [
      row({ role: 'main', slot: null, pid: 10 }),
      row({ datasetBytes: 4 * MIB, ussDelta: 5 * MIB, heapDelta: -1 }),
    ]),
  ],
  sweep: [
    {
      workers: 1,
      fullCopy: { measuredBytes: 17 * MIB, idealBytes: 16 * MIB },
      partialRead: { measuredBytes: null, idealBytes: 16 * MIB },
    },
  ],
  timings: { startedAt: '', totalMs: 1 },
  host: { pid: 10, backend: 'x', platform: 'linux' },
});

describe('memoryParts', () => {
  it('splits a worker into the counted dataset, the heap growth and the rest of the measured growth', () => {
    expect(memoryParts(row({}), 'uss')).toEqual({
      dataset: 8 * MIB,
      heap: 0.5 * MIB,
      rest: 0.5 * MIB,
    });
    expect(memoryParts(row({}), 'rss')).toEqual({
      dataset: 8 * MIB,
      heap: 0.5 * MIB,
      rest: 3.5 * MIB,
    });
  });
  it('never draws a negative part, and shows the parent by its counted copy', () => {
    expect(memoryParts(row({ ussDelta: 7 * MIB, heapDelta: -2 }), 'uss')).toEqual({
      dataset: 8 * MIB,
      heap: 0,
      rest: 0,
    });
    expect(memoryParts(row({ role: 'main', slot: null }), 'uss')).toEqual({
      dataset: 8 * MIB,
      heap: 0,
      rest: 0,
    });
  });
});

describe('barRows', () => {
  it('puts the full copy beside the partial read, per process, in MiB', () => {
    expect(barRows(report('uss'))).toEqual([
      {
        index: 0,
        process: 'main',
        fullDataset: 8,
        fullHeap: 0,
        fullRest: 0,
        partialDataset: 8,
        partialHeap: 0,
        partialRest: 0,
      },
      {
        index: 1,
        process: 'worker',
        fullDataset: 8,
        fullHeap: 0.5,
        fullRest: 0.5,
        partialDataset: 4,
        partialHeap: 0,
        partialRest: 1,
      },
    ]);
  });
});

describe('scalingRows and the CSV', () => {
  it('keeps a missing measurement missing', () => {
    expect(scalingRows(report('uss'))).toEqual([
      { workers: 1, fullMeasured: 17, fullIdeal: 16, partialMeasured: null, partialIdeal: 16 },
    ]);
  });
  it('writes every process of both strategies, in bytes', () => {
    const lines = compareCsv(report('uss')).split('\n');
    expect(lines[0]).toBe(
      'strategy,process,slot,pid,dataset_bytes,uss_bytes,rss_bytes,uss_growth_bytes,rss_growth_bytes,heap_growth_bytes',
    );
    expect(lines[2]).toBe(
      `full-copy,worker,0,11,${8 * MIB},${60 * MIB},${90 * MIB},${9 * MIB},${12 * MIB},${0.5 * MIB}`,
    );
    expect(lines).toContain(`1,${17 * MIB},${16 * MIB},,${16 * MIB}`);
  });
});

describe('timelineRows', () => {
  it('makes one column per process and falls back to RSS where there is no USS', () => {
    const samples = [
      {
        t: 0,
        processes: [
          { pid: 10, role: 'main' as const, slot: null, rss: 50 * MIB, uss: null, pss: null },
        ],
      },
      {
        t: 50,
        processes: [
          { pid: 10, role: 'main' as const, slot: null, rss: 51 * MIB, uss: null, pss: null },
          { pid: 11, role: 'worker' as const, slot: 0, rss: 40 * MIB, uss: null, pss: null },
        ],
      },
    ];
    const { rows, series, figure } = timelineRows(samples);
    expect(figure).toBe('rss');
    expect(series.map((s) => s.key)).toEqual(['p10', 'p11']);
    expect(rows).toEqual([
      { t: 0, p10: 50 },
      { t: 50, p10: 51, p11: 40 },
    ]);
  });
});
