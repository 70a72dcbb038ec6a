import { describe, expect, it } from 'vitest';
import { parseMainMessage, parseWorkerMessage, serializeError } from './worker-protocol';

describe('the worker protocol', () => {
  it('parses what a worker sends, and drops what does not fit', () => {
    const done = {
      type: 'batch-done',
      runId: 1,
      batchId: 2,
      results: [1.4, [0, 1]],
      durationMs: 3,
      spans: [
        [1_000.5, 1_001.25],
        [1_001.25, 1_003],
      ],
    };
    expect(parseWorkerMessage(done)).toEqual(done);
    expect(parseWorkerMessage({ ...done, extra: true })).toBeNull();
    expect(parseWorkerMessage({ ...done, batchId: '2' })).toBeNull();
    expect(parseWorkerMessage({ ...done, spans: [[1, 2, 3]] })).toBeNull();
    expect(parseWorkerMessage({ type: 'made-up', runId: 1 })).toBeNull();
    expect(parseWorkerMessage('batch-done')).toBeNull();
    const failed = {
      type: 'task-failed',
      runId: 1,
      batchId: 0,
      taskIndex: 0,
      error: serializeError(new TypeError('Assignment to constant variable.')),
    };
    expect(parseWorkerMessage(failed)).toEqual(failed);
  });

  it('parses what the parent sends, a dataset in the globals included', () => {
    const install = {
      type: 'install',
      runId: 4,
      experiment: 'full-copy',
      taskName: 'sum_data',
      taskSource: 'function sum_data(start, end) {}',
      globals: { my_global_df: { my_data: new Float64Array([0, 1, 2]) } },
      announceStarts: false,
      bindings: 'const',
    };
    const parsed = parseMainMessage(install);
    expect(parsed).toEqual(install);
    expect(parseMainMessage({ ...install, experiment: 'rm -rf' })).toBeNull();
    expect(parseMainMessage({ type: 'measure', requestId: 1 })).toBeNull();
    expect(parseMainMessage({ type: 'shutdown' })).toEqual({ type: 'shutdown' });
  });
});
