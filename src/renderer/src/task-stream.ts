/**
 * The task stream's geometry, as Dask's dashboard draws it: one lane per
 * worker, each task a bar from its start to its end, the tasks of one batch
 * side by side in one shade, the next batch in the other. Pure, so it is
 * tested without a page.
 */
import type { TaskSpan } from '../../shared/report';

export const STREAM = { width: 600, labelWidth: 150, laneHeight: 28, gap: 6, top: 8, axis: 30 };

export interface StreamBar {
  taskIndex: number;
  batchId: number;
  slot: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Batches alternate between two shades in a lane: 0 or 1. */
  shade: 0 | 1;
  start: number;
  end: number;
}

export interface StreamLayout {
  bars: StreamBar[];
  lanes: { slot: number; y: number }[];
  /** The time axis: ms at each tick and its x. */
  ticks: { ms: number; x: number }[];
  height: number;
  endMs: number;
}

/** A round step for about five ticks over `span` ms. */
function tickStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? 10 * power) || 1;
}

/** Lays out `spans` over the lanes of `slots`, time from 0 to the last end. */
export function streamLayout(spans: readonly TaskSpan[], slots: readonly number[]): StreamLayout {
  const { width, labelWidth, laneHeight, gap, top, axis } = STREAM;
  const endMs = Math.max(0.001, ...spans.map((s) => s.end));
  const plot = width - labelWidth - 10;
  const x = (ms: number): number => labelWidth + (Math.max(0, ms) / endMs) * plot;
  const lanes = slots.map((slot, i) => ({ slot, y: top + i * (laneHeight + gap) }));
  const laneY = new Map(lanes.map((lane) => [lane.slot, lane.y]));
  // Each lane's batches in order of dispatch, to alternate their shades.
  const batchOrder = new Map<number, number[]>();
  for (const span of [...spans].sort((a, b) => a.batchId - b.batchId)) {
    const order = batchOrder.get(span.slot) ?? [];
    if (order.at(-1) !== span.batchId) order.push(span.batchId);
    batchOrder.set(span.slot, order);
  }
  const bars = spans
    .filter((span) => laneY.has(span.slot))
    .map((span) => ({
      taskIndex: span.taskIndex,
      batchId: span.batchId,
      slot: span.slot,
      x: x(span.start),
      y: laneY.get(span.slot) as number,
      // At least a pixel and a half: a task of microseconds is still seen.
      width: Math.max(1.5, x(span.end) - x(span.start)),
      height: laneHeight,
      shade: ((batchOrder.get(span.slot)?.indexOf(span.batchId) ?? 0) % 2) as 0 | 1,
      start: span.start,
      end: span.end,
    }));
  const step = tickStep(endMs);
  const ticks: { ms: number; x: number }[] = [];
  for (let ms = 0; ms <= endMs + 1e-9; ms += step) ticks.push({ ms, x: x(ms) });
  return { bars, lanes, ticks, height: top + lanes.length * (laneHeight + gap) + axis, endMs };
}
