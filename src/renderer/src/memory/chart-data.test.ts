import { describe, expect, it } from 'vitest';
import type { CompareReport, ProcessMemoryRow, StrategySummary } from '../../../shared/report';
import type { Strategy } from '../../../shared/strategies';
import {
  MIB,
  barRows,
  comparePlaces,
  compareCsv,
  memoryParts,
  scalingRows,
  seriesKey,
  timelineRows,
} from './chart-data';

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
  experiment: Strategy,
  processes: ProcessMemoryRow[],
  threadHeapGrowth: number[] | null = null,
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
  threadHeapGrowth,
  runMs: 10,
  timeline: [],
  phases: [],
});

const report = (figure: 'uss' | 'rss'): CompareReport => ({
  experiment: 'compare',
  outcome: 'complete',
  params: {
    nJobs: 1,
    rows: 1_048_576,
    sweep: true,
    strategies: ['full-copy', 'partial-read', 'shared-memory'],
  },
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
    strategy(
      'shared-memory',
      [
        row({ role: 'main', slot: null, pid: 10, datasetBytes: 0 }),
        row({ ussDelta: 8.5 * MIB, heapDelta: 0 }),
      ],
      [75_000],
    ),
  ],
  sweep: [
    {
      workers: 1,
      strategies: [
        { experiment: 'full-copy', measuredBytes: 17 * MIB, idealBytes: 16 * MIB },
        { experiment: 'partial-read', measuredBytes: null, idealBytes: 16 * MIB },
        { experiment: 'shared-memory', measuredBytes: 8.5 * MIB, idealBytes: 8 * MIB },
      ],
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

describe('seriesKey', () => {
  it('names a strategy in camel case, for the keys of chart rows', () => {
    expect(
      ['full-copy', 'partial-read', 'shared-memory'].map((s) => seriesKey(s as Strategy)),
    ).toEqual(['fullCopy', 'partialRead', 'sharedMemory']);
  });
});

describe('comparePlaces and barRows', () => {
  it("puts the parent, each worker, then the threads' one process, each with the strategies that have it", () => {
    const places = comparePlaces(report('uss'));
    expect(places.map((p) => [p.key, p.process, p.n, Object.keys(p.rows)])).toEqual([
      ['main', 'main', 0, ['full-copy', 'partial-read', 'shared-memory']],
      ['worker-1', 'worker', 1, ['full-copy', 'partial-read']],
      ['threads', 'threads', 1, ['shared-memory']],
    ]);
  });

  it("stacks each strategy's bar by what the memory is, in MiB, and leaves out a strategy a process does not belong to", () => {
    expect(barRows(report('uss'))).toEqual([
      {
        key: 'main',
        process: 'main',
        n: 0,
        fullCopyDataset: 8,
        fullCopyHeap: 0,
        fullCopyRest: 0,
        partialReadDataset: 8,
        partialReadHeap: 0,
        partialReadRest: 0,
        sharedMemoryDataset: 0,
        sharedMemoryHeap: 0,
        sharedMemoryRest: 0,
      },
      {
        key: 'worker-1',
        process: 'worker',
        n: 1,
        fullCopyDataset: 8,
        fullCopyHeap: 0.5,
        fullCopyRest: 0.5,
        partialReadDataset: 4,
        partialReadHeap: 0,
        partialReadRest: 1,
      },
      {
        key: 'threads',
        process: 'threads',
        n: 1,
        sharedMemoryDataset: 8,
        sharedMemoryHeap: 0,
        sharedMemoryRest: 0.5,
      },
    ]);
  });
});

describe('scalingRows and the CSV', () => {
  it('keeps a missing measurement missing', () => {
    expect(scalingRows(report('uss'))).toEqual([
      {
        workers: 1,
        fullCopyMeasured: 17,
        fullCopyIdeal: 16,
        partialReadMeasured: null,
        partialReadIdeal: 16,
        sharedMemoryMeasured: 8.5,
        sharedMemoryIdeal: 8,
      },
    ]);
  });
  it("writes every process of every strategy, each thread's heap, and the sweep, in bytes", () => {
    const lines = compareCsv(report('uss')).split('\n');
    expect(lines[0]).toBe(
      'strategy,process,slot,pid,dataset_bytes,uss_bytes,rss_bytes,uss_growth_bytes,rss_growth_bytes,heap_growth_bytes',
    );
    expect(lines[2]).toBe(
      `full-copy,worker,0,11,${8 * MIB},${60 * MIB},${90 * MIB},${9 * MIB},${12 * MIB},${0.5 * MIB}`,
    );
    expect(lines[6]).toBe(
      `shared-memory,threads,0,11,${8 * MIB},${60 * MIB},${90 * MIB},${8.5 * MIB},${12 * MIB},0`,
    );
    expect(lines.slice(8, 10)).toEqual([
      'strategy,thread,heap_growth_bytes',
      'shared-memory,0,75000',
    ]);
    expect(lines.slice(11, 13)).toEqual([
      'workers,full_copy_measured_bytes,full_copy_ideal_bytes,partial_read_measured_bytes,partial_read_ideal_bytes,shared_memory_measured_bytes,shared_memory_ideal_bytes',
      `1,${17 * MIB},${16 * MIB},,${16 * MIB},${8.5 * MIB},${8 * MIB}`,
    ]);
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
