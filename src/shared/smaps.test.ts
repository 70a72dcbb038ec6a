import { describe, expect, it } from 'vitest';
import { parseSmapsRollup } from './smaps';

const SAMPLE = `55d0c0a00000-7ffd1f9fe000 ---p 00000000 00:00 0                          [rollup]
Rss:               81236 kB
Pss:               52110 kB
Pss_Dirty:         40000 kB
Shared_Clean:      30000 kB
Shared_Dirty:          0 kB
Private_Clean:      1200 kB
Private_Dirty:     50036 kB
Referenced:        81236 kB
`;

describe('parseSmapsRollup', () => {
  it('reads USS as Private_Clean + Private_Dirty, in bytes', () => {
    expect(parseSmapsRollup(SAMPLE)).toEqual({
      uss: (1200 + 50036) * 1024,
      pss: 52110 * 1024,
      rss: 81236 * 1024,
    });
  });
  it('returns null when fields are missing', () => {
    expect(parseSmapsRollup('Rss: 1 kB')).toBeNull();
  });
});
