import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../shared/report';
import { formats } from './format';
import { answerFromRun, questionFor } from './questions';

const en = formats('en');
const es = formats('es');
const counted = (unit: string, n: number): string => `${n} ${unit}`;

/** The fields of a report the questions read; the rest of a report does not matter to them. */
function report(fields: {
  experiment: RunReport['experiment'];
  nJobs?: number;
  tasks?: number;
  rows?: number;
  results?: unknown[] | null;
  parent?: string;
  error?: string | null;
  held?: number;
}): RunReport {
  const rows = fields.rows ?? 100;
  return {
    experiment: fields.experiment,
    params: { nJobs: fields.nJobs ?? 2, tasks: fields.tasks ?? 2, rows },
    results: fields.results ?? null,
    mainGlobals: [{ name: 'MY_GLOBAL_VAR', display: fields.parent ?? '1.4' }],
    error: fields.error ? { name: fields.error } : null,
    memory: { datasetBytes: rows * 8, workersDatasetBytes: fields.held ?? 0 },
  } as unknown as RunReport;
}

describe('questions built from the run’s shape', () => {
  it('offers one copy, one per worker and one per process, in the language’s numbers', () => {
    const question = questionFor('full-copy', { nJobs: 4, tasks: 4, rows: 1_000_000 }, en, counted);
    expect(question.choices.map((c) => c.values.bytes)).toEqual([
      '7.63 MiB',
      '30.52 MiB',
      '38.15 MiB',
    ]);
    const spanish = questionFor('full-copy', { nJobs: 4, tasks: 4, rows: 1_000_000 }, es, counted);
    expect(spanish.values.dataset).toBe('7,63 MiB');
    expect(spanish.choices[1]?.values.bytes).toBe('30,52 MiB');
  });

  it('never offers the same answer twice: with one worker, one copy is a copy each', () => {
    const question = questionFor('partial-read', { nJobs: 1, tasks: 1, rows: 100 }, en, counted);
    expect(question.choices.map((c) => c.values.times)).toEqual(['1', '2']);
  });

  it('writes the lists as Python prints them, shortened past four tasks', () => {
    const two = questionFor('read-global', { nJobs: 2, tasks: 2, rows: 100 }, en, counted);
    expect(two.choices[0]?.values.list).toBe('[1.4, 1.4]');
    const many = questionFor('change-global', { nJobs: 2, tasks: 6, rows: 100 }, en, counted);
    expect(many.choices[0]?.values.list).toBe('[1.4, 2.4, …, 6.4]');
    expect(
      questionFor('write-global', { nJobs: 2, tasks: 6, rows: 100 }, en, counted).values.last,
    ).toBe('5');
  });
});

describe('the answer a run shows, read from its report', () => {
  it('read-global: copies when every task returned 1.4, an error when a task raised', () => {
    expect(answerFromRun(report({ experiment: 'read-global', results: [1.4, 1.4] }))).toBe(
      'copies',
    );
    expect(answerFromRun(report({ experiment: 'read-global', results: [null, null] }))).toBe(
      'nones',
    );
    expect(answerFromRun(report({ experiment: 'read-global', error: 'WorkerError' }))).toBe(
      'error',
    );
    expect(answerFromRun(report({ experiment: 'read-global', results: [1, 2] }))).toBeNull();
  });

  it('write-global: the parent’s value after the run decides', () => {
    const ran = { experiment: 'write-global' as const, results: [0, 1] };
    expect(answerFromRun(report(ran))).toBe('unchanged');
    expect(answerFromRun(report({ ...ran, parent: '1' }))).toBe('last');
    expect(answerFromRun(report({ ...ran, parent: '7' }))).toBeNull();
  });

  it('change-global: an error, a parent that changed, or each task’s 1.4 + n', () => {
    expect(answerFromRun(report({ experiment: 'change-global', error: 'WorkerError' }))).toBe(
      'error',
    );
    expect(
      answerFromRun(report({ experiment: 'change-global', results: [1.4, 2.4], parent: '2.4' })),
    ).toBe('parent');
    expect(answerFromRun(report({ experiment: 'change-global', results: [1.4, 2.4] }))).toBe(
      'adds',
    );
  });

  it('a run that a killed worker, a timeout or a cancel ended answers nothing', () => {
    for (const error of ['TerminatedWorkerError', 'TimeoutError', 'CancelledError'])
      for (const experiment of ['read-global', 'change-global', 'full-copy'] as const)
        expect(answerFromRun(report({ experiment, error }))).toBeNull();
  });

  it('the dataset lessons: the candidate nearest the bytes the workers held', () => {
    const at = { nJobs: 4, tasks: 4, rows: 1_000 };
    expect(answerFromRun(report({ experiment: 'full-copy', ...at, held: 32_000 }))).toBe(
      'copy-each',
    );
    expect(answerFromRun(report({ experiment: 'partial-read', ...at, held: 8_000 }))).toBe(
      'one-copy',
    );
    expect(answerFromRun(report({ experiment: 'full-copy', ...at, held: 40_000 }))).toBe(
      'copy-each-and-parent',
    );
  });

  it('global-write: each task’s 1.4 + n, a parent that changed, or an error', () => {
    expect(answerFromRun(report({ experiment: 'global-write', results: [1.4, 2.4] }))).toBe(
      'fresh',
    );
    expect(
      answerFromRun(report({ experiment: 'global-write', results: [1.4, 2.4], parent: '2.4' })),
    ).toBe('parent');
    expect(answerFromRun(report({ experiment: 'global-write', error: 'WorkerError' }))).toBe(
      'error',
    );
  });

  it('worker-reuse: all ones, each worker counting on, or one counter over all tasks', () => {
    const pairs = (list: [number, number][]): unknown[] => list.map((p) => ({ tuple: p }));
    const at = (list: [number, number][]) =>
      answerFromRun(report({ experiment: 'worker-reuse', results: pairs(list) }));
    expect(
      at([
        [7, 1],
        [8, 1],
        [7, 1],
      ]),
    ).toBe('ones');
    expect(
      at([
        [7, 4],
        [8, 1],
        [7, 5],
        [8, 2],
      ]),
    ).toBe('per-worker');
    expect(
      at([
        [7, 1],
        [8, 2],
        [7, 3],
      ]),
    ).toBe('shared');
    expect(
      at([
        [7, 2],
        [7, 4],
      ]),
    ).toBeNull();
  });
});
