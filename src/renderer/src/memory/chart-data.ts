/**
 * The rows the memory charts and the table draw, built from a comparison
 * report. Pure functions: the renderer only shapes numbers the lab measured.
 */
import { MIB } from '../../../shared/memory';
import type { MemorySample } from '../../../shared/memory';
import type { CompareReport, ProcessMemoryRow, StrategySummary } from '../../../shared/report';

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

export interface BarRow {
  /** Position in the table: 0 for the parent, slot + 1 for a worker. */
  index: number;
  /**
   * The parent or a worker. Not named `role`: recharts copies a data row's
   * fields onto its SVG elements, and `role="worker"` is not an ARIA role.
   */
  process: 'main' | 'worker';
  fullDataset: number;
  fullHeap: number;
  fullRest: number;
  partialDataset: number;
  partialHeap: number;
  partialRest: number;
}

function rowsByIndex(strategy: StrategySummary): Map<number, ProcessMemoryRow> {
  return new Map(
    strategy.processes.map((row) => [row.role === 'main' ? 0 : (row.slot ?? 0) + 1, row]),
  );
}

/** One bar group per process: the full copy beside the partial read, each stacked by what the memory is (MiB). */
export function barRows(report: CompareReport): BarRow[] {
  const [full, partial] = report.strategies;
  const fullRows = rowsByIndex(full);
  const partialRows = rowsByIndex(partial);
  const indexes = [...new Set([...fullRows.keys(), ...partialRows.keys()])].sort((a, b) => a - b);
  return indexes.map((index) => {
    const f = fullRows.get(index);
    const p = partialRows.get(index);
    const fp = f ? memoryParts(f, report.figure) : { dataset: 0, heap: 0, rest: 0 };
    const pp = p ? memoryParts(p, report.figure) : { dataset: 0, heap: 0, rest: 0 };
    return {
      index,
      process: index === 0 ? 'main' : 'worker',
      fullDataset: toMiB(fp.dataset) ?? 0,
      fullHeap: toMiB(fp.heap) ?? 0,
      fullRest: toMiB(fp.rest) ?? 0,
      partialDataset: toMiB(pp.dataset) ?? 0,
      partialHeap: toMiB(pp.heap) ?? 0,
      partialRest: toMiB(pp.rest) ?? 0,
    };
  });
}

export interface ScalingRow {
  workers: number;
  fullMeasured: number | null;
  fullIdeal: number;
  partialMeasured: number | null;
  partialIdeal: number;
}

/** Total memory of the dataset in all processes against the number of workers, measured and ideal (MiB). */
export function scalingRows(report: CompareReport): ScalingRow[] {
  return (report.sweep ?? []).map((point) => ({
    workers: point.workers,
    fullMeasured: toMiB(point.fullCopy.measuredBytes),
    fullIdeal: toMiB(point.fullCopy.idealBytes) ?? 0,
    partialMeasured: toMiB(point.partialRead.measuredBytes),
    partialIdeal: toMiB(point.partialRead.idealBytes) ?? 0,
  }));
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

/** The comparison as CSV: one line per strategy and process, every figure in bytes. */
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
  for (const strategy of report.strategies) {
    for (const row of strategy.processes) {
      lines.push(
        [
          strategy.experiment,
          row.role,
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
  }
  if (report.sweep) {
    lines.push(
      '',
      'workers,full_copy_measured_bytes,full_copy_ideal_bytes,partial_read_measured_bytes,partial_read_ideal_bytes',
    );
    for (const p of report.sweep) {
      lines.push(
        [
          p.workers,
          p.fullCopy.measuredBytes ?? '',
          p.fullCopy.idealBytes,
          p.partialRead.measuredBytes ?? '',
          p.partialRead.idealBytes,
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
