/**
 * The rows the memory charts and the table draw, built from a comparison
 * report of one to three strategies. Pure functions: the renderer only shapes numbers the lab measured.
 */
import { MIB } from '../../../shared/memory';
import type { MemorySample } from '../../../shared/memory';
import type { CompareReport, ProcessMemoryRow, StrategySummary } from '../../../shared/report';
import type { Strategy } from '../../../shared/strategies';

export { MIB };

/** MiB with two decimals, or null. */
export function toMiB(bytes: number | null | undefined): number | null {
  return bytes === null || bytes === undefined ? null : Math.round((bytes / MIB) * 100) / 100;
}

/** The growth a process is measured by: USS where the OS gives it, RSS otherwise. */
export function measuredGrowth(
  row: ProcessMemoryRow,
  figure: CompareReport['figure'],
): number | null {
  return figure === 'uss' ? row.ussDelta : row.rssDelta;
}

/** What a process's memory is made of: the dataset (counted), V8's heap growth, and the rest of the measured growth. */
export interface MemoryParts {
  dataset: number;
  heap: number;
  rest: number;
}

export function memoryParts(row: ProcessMemoryRow, figure: CompareReport['figure']): MemoryParts {
  const dataset = row.datasetBytes;
  if (row.role === 'main') return { dataset, heap: 0, rest: 0 };
  const growth = measuredGrowth(row, figure) ?? dataset;
  const heap = Math.max(0, row.heapDelta ?? 0);
  return { dataset, heap, rest: Math.max(0, growth - dataset - heap) };
}

/** A strategy's name in the keys of chart rows: `full-copy` → `fullCopy`. */
export function seriesKey(strategy: Strategy): string {
  return strategy.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** What a bar's stack is made of (see memoryParts). */
export const BAR_PARTS = ['dataset', 'heap', 'rest'] as const;

const keyOf = (strategy: Strategy, what: string): string =>
  `${seriesKey(strategy)}${what.charAt(0).toUpperCase()}${what.slice(1)}`;

/** The key of one part of a strategy's bar in a BarRow: `fullCopyDataset`. */
export function barKey(strategy: Strategy, part: (typeof BAR_PARTS)[number]): string {
  return keyOf(strategy, part);
}

/** The key of a strategy's line in a ScalingRow: `sharedMemoryMeasured`, `sharedMemoryIdeal`. */
export function scalingKey(strategy: Strategy, line: 'measured' | 'ideal'): string {
  return keyOf(strategy, line);
}

/**
 * Where a process of a comparison sits in the table and the bars: the parent,
 * worker n, or the one process whose threads share the dataset (not a worker
 * among the others: it stands for them all).
 */
export interface Place {
  key: string;
  process: 'main' | 'worker' | 'threads';
  /** The worker's number (from 1), or the number of threads; 0 for the parent. */
  n: number;
  /** The process in each strategy that has it. */
  rows: Partial<Record<Strategy, ProcessMemoryRow>>;
}

function placeOf(row: ProcessMemoryRow, strategy: StrategySummary): Omit<Place, 'rows'> {
  if (row.role === 'main') return { key: 'main', process: 'main', n: 0 };
  if (strategy.threadHeapGrowth !== null)
    return { key: 'threads', process: 'threads', n: strategy.threadHeapGrowth.length };
  const n = (row.slot ?? 0) + 1;
  return { key: `worker-${n}`, process: 'worker', n };
}

const PLACE_ORDER = { main: 0, worker: 1, threads: 2 } as const;

/** The places of a comparison in the table's order: the parent, workers 1 … N, the threads' process. */
export function comparePlaces(report: CompareReport): Place[] {
  const places = new Map<string, Place>();
  for (const strategy of report.strategies)
    for (const row of strategy.processes) {
      const at = placeOf(row, strategy);
      const place = places.get(at.key) ?? { ...at, rows: {} };
      place.rows[strategy.experiment] = row;
      places.set(at.key, place);
    }
  return [...places.values()].sort((a, b) =>
    a.process === b.process ? a.n - b.n : PLACE_ORDER[a.process] - PLACE_ORDER[b.process],
  );
}

/** A bar group: a place, and per strategy that has it, `<key>Dataset`, `<key>Heap`, `<key>Rest` in MiB. */
export type BarRow = Omit<Place, 'rows'> & Record<string, number | string>;

/** One bar group per place, a stacked bar per strategy that has that process, split by what the memory is (MiB). */
export function barRows(report: CompareReport): BarRow[] {
  return comparePlaces(report).map(({ rows, ...place }) => {
    const bar: BarRow = { ...place };
    for (const [strategy, row] of Object.entries(rows) as [Strategy, ProcessMemoryRow][]) {
      const parts = memoryParts(row, report.figure);
      for (const part of BAR_PARTS) bar[barKey(strategy, part)] = toMiB(parts[part]) ?? 0;
    }
    return bar;
  });
}

/** A point of the scaling chart: per strategy, `<key>Measured` (null when not measured) and `<key>Ideal`, in MiB. */
export type ScalingRow = { workers: number } & Record<string, number | null>;

/** Total memory of the dataset in all processes against the number of workers, measured and ideal (MiB). */
export function scalingRows(report: CompareReport): ScalingRow[] {
  return (report.sweep ?? []).map((point) => {
    const row: ScalingRow = { workers: point.workers };
    for (const { experiment, measuredBytes, idealBytes } of point.strategies) {
      row[scalingKey(experiment, 'measured')] = toMiB(measuredBytes);
      row[scalingKey(experiment, 'ideal')] = toMiB(idealBytes);
    }
    return row;
  });
}

export interface TimelineSeries {
  key: string;
  pid: number;
  role: 'main' | 'worker';
  slot: number | null;
}

/** The timeline as chart rows (one per sample, one column per process, MiB of USS or RSS) and its series. */
export function timelineRows(samples: readonly MemorySample[]): {
  rows: Record<string, number | null>[];
  series: TimelineSeries[];
  figure: 'uss' | 'rss';
} {
  const series = new Map<number, TimelineSeries>();
  const figure = samples.some((s) => s.processes.some((p) => p.uss !== null)) ? 'uss' : 'rss';
  const rows = samples.map((sample) => {
    const row: Record<string, number | null> = { t: sample.t };
    for (const p of sample.processes) {
      const key = `p${p.pid}`;
      if (!series.has(p.pid)) series.set(p.pid, { key, pid: p.pid, role: p.role, slot: p.slot });
      row[key] = toMiB(figure === 'uss' ? p.uss : p.rss);
    }
    return row;
  });
  const ordered = [...series.values()].sort((a, b) =>
    a.role === b.role ? (a.slot ?? 0) - (b.slot ?? 0) : a.role === 'main' ? -1 : 1,
  );
  return { rows, series: ordered, figure };
}

/** The largest value of the timelines, in MiB: one scale for the timelines of a comparison. */
export function timelineMax(...timelines: ReadonlyArray<readonly MemorySample[]>): number {
  let max = 0;
  for (const samples of timelines)
    for (const row of timelineRows(samples).rows)
      for (const [key, value] of Object.entries(row))
        if (key !== 't' && value !== null) max = Math.max(max, value);
  return max;
}

/** The comparison as CSV: one line per strategy and process, then each thread's heap, then the sweep; every figure in bytes. */
export function compareCsv(report: CompareReport): string {
  const header = [
    'strategy',
    'process',
    'slot',
    'pid',
    'dataset_bytes',
    'uss_bytes',
    'rss_bytes',
    'uss_growth_bytes',
    'rss_growth_bytes',
    'heap_growth_bytes',
  ];
  const lines = [header.join(',')];
  for (const strategy of report.strategies)
    for (const row of strategy.processes) {
      const process = row.role === 'worker' && strategy.threadHeapGrowth ? 'threads' : row.role;
      lines.push(
        [
          strategy.experiment,
          process,
          row.slot ?? '',
          row.pid,
          row.datasetBytes,
          row.uss ?? '',
          row.rss,
          row.ussDelta ?? '',
          row.rssDelta ?? '',
          row.heapDelta ?? '',
        ].join(','),
      );
    }
  const threaded = report.strategies.filter((strategy) => strategy.threadHeapGrowth);
  if (threaded.length) {
    lines.push('', 'strategy,thread,heap_growth_bytes');
    for (const strategy of threaded)
      strategy.threadHeapGrowth?.forEach((growth, thread) =>
        lines.push([strategy.experiment, thread, growth].join(',')),
      );
  }
  if (report.sweep) {
    const columns = report.params.strategies.map((strategy) => strategy.replace(/-/g, '_'));
    lines.push(
      '',
      ['workers', ...columns.flatMap((c) => [`${c}_measured_bytes`, `${c}_ideal_bytes`])].join(','),
    );
    for (const point of report.sweep)
      lines.push(
        [
          point.workers,
          ...point.strategies.flatMap((s) => [s.measuredBytes ?? '', s.idealBytes]),
        ].join(','),
      );
  }
  return `${lines.join('\n')}\n`;
}
