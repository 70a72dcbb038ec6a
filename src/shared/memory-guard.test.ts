import { describe, expect, it } from 'vitest';
import {
  MemoryGuardError,
  PROCESS_BASELINE_BYTES,
  checkMemoryBudget,
  estimateRunMemory,
} from './memory-guard';

const GIB = 1024 ** 3;

/** The guard's error for a request, or null when it passes. */
function refusal(...args: Parameters<typeof checkMemoryBudget>): MemoryGuardError | null {
  try {
    checkMemoryBudget(...args);
    return null;
  } catch (error) {
    if (error instanceof MemoryGuardError) return error;
    throw error;
  }
}

describe('checkMemoryBudget', () => {
  it('lets a run through when its peak fits half of what is available', () => {
    expect(refusal('full-copy', 4, 1_000_000, 8 * GIB)).toBeNull();
  });

  it('refuses a run over budget and suggests rows and workers that do fit', () => {
    const available = 4 * GIB;
    const error = refusal('full-copy', 8, 200_000_000, available);
    expect(error).toBeInstanceOf(MemoryGuardError);
    const detail = error?.detail;
    if (detail?.code !== 'memory-guard') throw new Error('no memory-guard detail');
    expect(detail.budgetBytes).toBe(available / 2);
    expect(detail.peakBytes).toBeGreaterThan(detail.budgetBytes);
    // The suggestions are real: each fits the budget, and one more row does not.
    expect(detail.maxRows).toBeGreaterThan(0);
    expect(estimateRunMemory('full-copy', 8, detail.maxRows).peakBytes).toBeLessThanOrEqual(
      detail.budgetBytes,
    );
    expect(estimateRunMemory('full-copy', 8, detail.maxRows + 2).peakBytes).toBeGreaterThan(
      detail.budgetBytes,
    );
    if (detail.maxWorkers > 0)
      expect(
        estimateRunMemory('full-copy', detail.maxWorkers, 200_000_000).peakBytes,
      ).toBeLessThanOrEqual(detail.budgetBytes);
    expect(error?.message).toContain(
      `Lower rows to at most ${detail.maxRows.toLocaleString('en-US')}`,
    );
  });

  it('says to free memory when not even one row would fit', () => {
    const error = refusal('full-copy', 32, 1_000_000, 100 * 1024 ** 2);
    if (error?.detail.code !== 'memory-guard') throw new Error('expected a refusal');
    expect(error.detail.maxRows).toBe(0);
    expect(error.detail.maxWorkers).toBe(0);
    expect(error.message).toContain('Close other programs to free memory.');
  });

  it('counts a copy per worker for the full copy, not for the partial read', () => {
    const full = estimateRunMemory('full-copy', 4, 10_000_000);
    const partial = estimateRunMemory('partial-read', 4, 10_000_000);
    expect(full.heldBytes).toBeGreaterThan(partial.heldBytes);
    expect(full.processes).toBe(5);
  });

  it('counts one copy in one process for threads, whatever their number', () => {
    const d = 10_000_000 * 8;
    const threads = estimateRunMemory('shared-memory', 32, 10_000_000);
    expect(threads.processes).toBe(2);
    expect(threads.heldBytes - 2 * PROCESS_BASELINE_BYTES).toBe(d);
    expect(threads.peakBytes - 2 * PROCESS_BASELINE_BYTES).toBe(d);
  });
});
