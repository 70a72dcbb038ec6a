import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, ParamError, validateCompareParams, validateRunParams } from './params';

function errorOf(input: unknown): ParamError {
  try {
    validateRunParams(input);
  } catch (error) {
    if (error instanceof ParamError) return error;
    throw error;
  }
  throw new Error('expected a ParamError');
}

describe('validateRunParams', () => {
  it("fills in the tutorial's values", () => {
    expect(validateRunParams({ experiment: 'read-global' })).toEqual({
      experiment: 'read-global',
      ...DEFAULT_PARAMS,
    });
  });

  it('accepts CLI strings and defaults tasks to the worker count', () => {
    expect(
      validateRunParams({
        experiment: 'full-copy',
        nJobs: '3',
        rows: '1000',
        batchSize: 'auto',
        verbose: '0',
        timeout: '5',
      }),
    ).toEqual({
      experiment: 'full-copy',
      nJobs: 3,
      tasks: 3,
      rows: 1000,
      batchSize: 'auto',
      verbose: 0,
      timeout: 5,
      definedIn: 'notebook',
    });
  });

  it.each([
    [{ experiment: 'nope' }, 'experiment', 'one of read-global'],
    [{ experiment: 'read-global', nJobs: 0 }, 'workers', 'from 1 to 32'],
    [{ experiment: 'read-global', nJobs: 33 }, 'workers', 'from 1 to 32'],
    [{ experiment: 'read-global', nJobs: 1.5 }, 'workers', 'whole number'],
    [{ experiment: 'read-global', nJobs: '2x' }, 'workers', 'whole number'],
    [{ experiment: 'partial-read', rows: 1_048_576 }, 'rows', '1,048,575'],
    [{ experiment: 'partial-read', rows: 0 }, 'rows', 'from 1'],
    [{ experiment: 'read-global', batchSize: 0 }, 'batch size', '"auto"'],
    [{ experiment: 'read-global', batchSize: 'big' }, 'batch size', '"auto"'],
    [{ experiment: 'full-copy', rows: 3, tasks: 4 }, 'tasks', 'at most one task per row'],
    [{ experiment: 'read-global', colour: 'red' }, 'parameter name', 'experiment, nJobs'],
    [null, 'run request', 'an object'],
    [{ experiment: 'read-global', timeout: 0 }, 'timeout', 'from 1 to 3,600'],
    [{ experiment: 'read-global', timeout: 1.5 }, 'timeout', 'whole number'],
    [{ experiment: 'read-global', timeout: 'soon' }, 'timeout', 'whole number'],
  ])('refuses %j naming the parameter and what is allowed', (input, param, allowed) => {
    const error = errorOf(input);
    expect(error.param).toContain(param);
    expect(error.message).toContain(allowed);
  });

  it('lets the in-memory dataset grow past Excel', () => {
    expect(validateRunParams({ experiment: 'full-copy', rows: 10_000_000 }).rows).toBe(10_000_000);
  });
});

describe('validateCompareParams', () => {
  it("fills in the tutorial's values and reads the CLI's strings", () => {
    expect(validateCompareParams({})).toEqual({
      nJobs: 2,
      rows: 100,
      sweep: false,
      strategies: ['full-copy', 'partial-read', 'shared-memory'],
    });
    expect(validateCompareParams({ nJobs: '4', rows: '1000000', sweep: 'true' })).toEqual({
      nJobs: 4,
      rows: 1_000_000,
      sweep: true,
      strategies: ['full-copy', 'partial-read', 'shared-memory'],
    });
  });

  it("reads the strategies from a list or the CLI's commas, in the order they are compared", () => {
    const strategies = (value: unknown): unknown =>
      validateCompareParams({ strategies: value }).strategies;
    expect(strategies('shared-memory, full-copy')).toEqual(['full-copy', 'shared-memory']);
    expect(strategies(['partial-read'])).toEqual(['partial-read']);
  });

  it.each([
    [{ nJobs: 0 }, 'workers', 'from 1 to 32'],
    [{ nJobs: 4, rows: 3 }, 'rows', 'from 4 to 1,048,575'],
    [{ rows: 1_048_576 }, 'rows', '1,048,575'],
    [{ sweep: 'maybe' }, 'sweep', 'true or false'],
    [{ experiment: 'compare' }, 'parameter name', 'nJobs, rows, sweep, strategies'],
    [
      { strategies: 'full-copy,threads' },
      'strategies',
      'one or more of full-copy, partial-read, shared-memory',
    ],
    [{ strategies: 'full-copy,full-copy' }, 'strategies', 'each once'],
    [{ strategies: [] }, 'strategies', 'one or more'],
    [{ strategies: '' }, 'strategies', 'one or more'],
    [{ strategies: 3 }, 'strategies', 'one or more'],
    [[], 'compare request', 'an object'],
  ])('refuses %j naming the parameter and what is allowed', (input, param, allowed) => {
    let error: unknown;
    try {
      validateCompareParams(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).param).toContain(param);
    expect((error as ParamError).message).toContain(allowed);
  });
});
