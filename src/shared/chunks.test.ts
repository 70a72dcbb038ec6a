import { describe, expect, it } from 'vitest';
import { chunkBounds } from './chunks';

describe('chunkBounds', () => {
  it('splits the seed dataset in two halves, as the tutorial does', () => {
    expect(chunkBounds(100, 2)).toEqual([
      { start: 0, end: 50 },
      { start: 50, end: 100 },
    ]);
  });

  it('covers every row with sizes that differ by at most one', () => {
    for (const [rows, parts] of [
      [100, 3],
      [7, 7],
      [1_000_000, 6],
      [10, 4],
      [1, 1],
    ] as const) {
      const chunks = chunkBounds(rows, parts);
      const sizes = chunks.map((c) => c.end - c.start);
      expect(chunks).toHaveLength(parts);
      expect(chunks[0]?.start).toBe(0);
      expect(chunks.at(-1)?.end).toBe(rows);
      chunks.slice(1).forEach((c, i) => expect(c.start).toBe(chunks[i]?.end));
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(chunkBounds(100, 3).map((c) => c.end - c.start)).toEqual([34, 33, 33]);
  });

  it('refuses nonsense', () => {
    expect(() => chunkBounds(10, 0)).toThrow(RangeError);
    expect(() => chunkBounds(-1, 2)).toThrow(RangeError);
    expect(() => chunkBounds(10, 1.5)).toThrow(RangeError);
  });
});
