import { describe, expect, it } from 'vitest';
import { AutoBatching } from './auto-batching';

describe("AutoBatching (joblib's batch_size='auto')", () => {
  it('starts at one task per batch', () => {
    expect(new AutoBatching().computeBatchSize()).toBe(1);
  });

  it('at most doubles while batches are fast', () => {
    const auto = new AutoBatching();
    const sizes: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const size = auto.computeBatchSize();
      sizes.push(size);
      auto.batchCompleted(size, 0.001);
    }
    expect(sizes).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('stays put inside the ideal window and shrinks when batches are slow', () => {
    const auto = new AutoBatching();
    auto.batchCompleted(1, 0.001);
    let size = 1;
    for (let i = 0; i < 5; i += 1) {
      size = auto.computeBatchSize();
      auto.batchCompleted(size, 0.001);
    }
    expect(size).toBe(32);
    size = auto.computeBatchSize(); // 64
    auto.batchCompleted(size, 1.0); // within 0.2–2 s: keep
    expect(auto.computeBatchSize()).toBe(size);
    auto.batchCompleted(size, 10); // smoothed 0.8*1 + 0.2*10 = 2.8 s: shrink
    expect(auto.computeBatchSize()).toBe(Math.max(2 * Math.trunc((size * 0.2) / 2.8), 1));
  });

  it('ignores durations of batches of another size', () => {
    const auto = new AutoBatching();
    auto.batchCompleted(5, 0.001);
    expect(auto.computeBatchSize()).toBe(1);
  });
});
