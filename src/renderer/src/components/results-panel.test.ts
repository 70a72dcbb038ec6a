import { describe, expect, it } from 'vitest';
import { pidsAsLetters } from './ResultsPanel';

describe('worker-reuse against the notebook', () => {
  it('writes each pid as the notebook does, A, B … in order of appearance', () => {
    expect(pidsAsLetters('[(5626, 1), (5627, 1), (5626, 2)]', [5626, 5627, 5626])).toBe(
      '[(A, 1), (B, 1), (A, 2)]',
    );
    // A number that is not a worker's pid stays as it is.
    expect(pidsAsLetters('[(12, 1)]', [5626])).toBe('[(12, 1)]');
  });
});
