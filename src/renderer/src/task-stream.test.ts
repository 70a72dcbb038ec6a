import { describe, expect, it } from 'vitest';
import { STREAM, streamLayout } from './task-stream';

const span = (taskIndex: number, slot: number, batchId: number, start: number, end: number) => ({
  taskIndex,
  slot,
  batchId,
  start,
  end,
});

describe('the task stream', () => {
  it('puts each task in its worker’s lane, from its start to its end, on one time scale', () => {
    const layout = streamLayout([span(0, 0, 0, 0, 50), span(1, 1, 1, 50, 100)], [0, 1]);
    const [first, second] = layout.bars;
    expect(first?.x).toBe(STREAM.labelWidth);
    expect(second?.x).toBeCloseTo(first ? first.x + first.width : 0);
    expect((second?.x ?? 0) + (second?.width ?? 0)).toBeCloseTo(STREAM.width - 10);
    expect(first?.y).toBe(layout.lanes[0]?.y);
    expect(second?.y).toBe(layout.lanes[1]?.y);
    expect(layout.endMs).toBe(100);
    expect(layout.ticks.map((t) => t.ms)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('gives a batch’s tasks one shade and the next batch of the lane the other', () => {
    const layout = streamLayout(
      [span(0, 0, 0, 0, 1), span(1, 0, 0, 1, 2), span(2, 0, 2, 2, 3), span(3, 0, 5, 3, 4)],
      [0],
    );
    expect(layout.bars.map((b) => b.shade)).toEqual([0, 0, 1, 0]);
  });

  it('draws a task of microseconds at least a pixel and a half wide', () => {
    const layout = streamLayout([span(0, 0, 0, 0, 0.001), span(1, 0, 1, 0.001, 1000)], [0]);
    expect(layout.bars[0]?.width).toBe(1.5);
  });
});
