import { describe, expect, it } from 'vitest';
import { formatPython, pythonTuple } from '../../shared/python-format';
import type { RunReport } from '../../shared/report';
import { asTheNotebookWritesIt } from './lesson-text';

const report = (results: unknown[], pids: number[]): RunReport =>
  ({
    results,
    printedResults: formatPython(results),
    workers: pids.map((pid) => ({ pid })),
  }) as unknown as RunReport;

describe('results as the notebook writes them', () => {
  it('writes each worker’s pid at a tuple’s head as A, B … in order of appearance', () => {
    const counts = [pythonTuple([5626, 1]), pythonTuple([5627, 1]), pythonTuple([5626, 2])];
    expect(asTheNotebookWritesIt(report(counts, [5626, 5627]))).toBe('[(A, 1), (B, 1), (A, 2)]');
  });

  it('leaves every other result as printed, even one whose numbers are a worker’s pid', () => {
    const chunks = [{ shape: [50, 1], sum: 1225 }];
    expect(asTheNotebookWritesIt(report(chunks, [50]))).toBe('[((50, 1), 1225)]');
    expect(asTheNotebookWritesIt(report([pythonTuple([12, 1])], [5626]))).toBe('[(12, 1)]');
    expect(asTheNotebookWritesIt(report([1.4, 1.4], [5626]))).toBe('[1.4, 1.4]');
  });
});
