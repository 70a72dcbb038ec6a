import { describe, expect, it } from 'vitest';
import { bookkeepingHint } from './worker-memory';

const KIB = 1024;
const MIB = 1024 * KIB;

describe('bookkeepingHint', () => {
  it('at 100 rows: 400 B of data, 344 KiB of growth: the bookkeeping outweighs it; try more rows', () => {
    expect(bookkeepingHint(344 * KIB, 400, 100)).toEqual({
      overhead: 344 * KIB - 400,
      suggestRows: true,
    });
  });

  it('at 1,048,575 rows on 8 workers (1 MiB each, grown by 1.3 MiB): no hint at all', () => {
    expect(bookkeepingHint(1.3 * MIB, 1 * MIB, 1_048_575)).toBeNull();
  });

  it('never suggests more rows to a run that already has a million', () => {
    expect(bookkeepingHint(3 * MIB, 1 * MIB, 1_000_000)).toEqual({
      overhead: 2 * MIB,
      suggestRows: false,
    });
  });

  it('says nothing without a measured growth', () => {
    expect(bookkeepingHint(null, 400, 100)).toBeNull();
  });
});
