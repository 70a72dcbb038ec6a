import { describe, expect, it } from 'vitest';
import { wrapWords } from './export';

describe('a saved chart’s title', () => {
  it('wraps between words when wider than the picture', () => {
    expect(wrapWords('Memory of each process during the run (USS)', 20)).toEqual([
      'Memory of each',
      'process during the',
      'run (USS)',
    ]);
  });

  it('keeps a short title on one line and a word longer than the width on its own', () => {
    expect(wrapWords('What each process holds', 40)).toEqual(['What each process holds']);
    expect(wrapWords('a memory-timeline-partial-read b', 10)).toEqual([
      'a',
      'memory-timeline-partial-read',
      'b',
    ]);
  });
});
