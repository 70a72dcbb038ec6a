import { describe, expect, it } from 'vitest';
import { JoblibProgress, shortFormatTime, verbosityFilter } from './verbose';

describe('shortFormatTime', () => {
  it('formats like joblib', () => {
    // Python: " %5.1fs" % t
    expect(shortFormatTime(0.7)).toBe('   0.7s');
    expect(shortFormatTime(0.04)).toBe('   0.0s');
    expect(shortFormatTime(12.34)).toBe('  12.3s');
    expect(shortFormatTime(59.99)).toBe('  60.0s');
    expect(shortFormatTime(90)).toBe(' 1.5min');
  });
});

describe('verbosityFilter', () => {
  it('matches joblib for verbose=10', () => {
    // scale base 0.5: messages at the batch counts where sqrt(2n) crosses an integer.
    const shown = Array.from({ length: 20 }, (_, i) => i).filter((i) => !verbosityFilter(i, 10));
    expect(shown).toEqual([0, 1, 4, 7, 12, 17]);
  });
  it('hides everything at 0 and nothing above 10', () => {
    expect(verbosityFilter(3, 0)).toBe(true);
    expect(verbosityFilter(3, 50)).toBe(false);
  });
});

describe('JoblibProgress', () => {
  it("prints the seed's lines for 2 tasks on 2 workers", () => {
    const t0 = 1_000_000;
    const progress = new JoblibProgress(2, 10, 4, t0);
    const lines = [progress.usingBackend('LokyBackend', 2)];
    progress.batchDispatched(1);
    progress.batchDispatched(1);
    lines.push(progress.batchCompleted(1, t0 + 650));
    progress.exhausted();
    lines.push(progress.batchCompleted(1, t0 + 700));
    lines.push(progress.finished(2, t0 + 700));
    expect(lines.filter(Boolean)).toEqual([
      '[Parallel(n_jobs=2)]: Using backend LokyBackend with 2 concurrent workers.',
      '[Parallel(n_jobs=2)]: Done   2 out of   2 | elapsed:    0.7s remaining:    0.0s',
      '[Parallel(n_jobs=2)]: Done   2 out of   2 | elapsed:    0.7s finished',
    ]);
  });

  it('prints nothing when verbose is 0', () => {
    const progress = new JoblibProgress(2, 0, 4, 0);
    expect(progress.usingBackend('X', 2)).toBeNull();
    progress.batchDispatched(1);
    expect(progress.batchCompleted(1, 10)).toBeNull();
    expect(progress.finished(1, 10)).toBeNull();
  });

  it('counts tasks while the iterator is still being consumed', () => {
    const progress = new JoblibProgress(2, 10, 4, 0);
    progress.batchDispatched(1);
    // One batch dispatched: joblib's filter shows index 1.
    expect(progress.batchCompleted(1, 100)).toBe(
      '[Parallel(n_jobs=2)]: Done   1 tasks      | elapsed:    0.1s',
    );
  });
});
