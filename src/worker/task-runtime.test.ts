import { describe, expect, it } from 'vitest';
import { compileTask, freezeGlobal, sum } from './task-runtime';

describe('compileTask', () => {
  it('gives the task its own copies of the globals as const bindings: reading works, assigning throws', () => {
    const globals = { MY_GLOBAL_VAR: 1.4 };
    const read = compileTask(
      'return_global_var',
      'function return_global_var() { return MY_GLOBAL_VAR; }',
      globals,
      {},
    );
    expect(read()).toBe(1.4);
    const write = compileTask(
      'add_to_global_var',
      'function add_to_global_var(n) { MY_GLOBAL_VAR += n; return MY_GLOBAL_VAR; }',
      globals,
      {},
    );
    expect(() => write(1)).toThrow(TypeError);
    expect(globals.MY_GLOBAL_VAR).toBe(1.4);
  });

  it('reports errors on the line of the code the UI shows', () => {
    const task = compileTask('fails', 'function fails() {\n  return missing_name;\n}', {}, {});
    let stack = '';
    try {
      task();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toMatch(/fails\.js:2:/);
  });

  it('gives helpers, and refuses names that are not identifiers or code that is not a function', () => {
    const task = compileTask('total', 'function total(xs) { return sum(xs); }', {}, { sum });
    expect(task([1, 2, 3])).toBe(6);
    expect(() => compileTask('x', 'function x() {}', { 'a-b': 1 }, {})).toThrow(
      'cannot be a global',
    );
    expect(() => compileTask('x y', 'function x() {}', {}, {})).toThrow(
      'cannot be a function name',
    );
    expect(() => compileTask('x', '42', {}, {})).toThrow('is not a function');
  });

  it('freezes a received object, but not the elements of a typed array', () => {
    const frame = freezeGlobal({ my_data: new Float64Array([1, 2]) }) as { my_data: Float64Array };
    expect(Object.isFrozen(frame)).toBe(true);
    frame.my_data[0] = 5;
    expect(frame.my_data[0]).toBe(5);
  });
});

describe('compileTask: what Python’s global statement reaches', () => {
  const ADD =
    'function add_to_global_var_global(n) {\n  MY_GLOBAL_VAR += n;\n  return MY_GLOBAL_VAR;\n}';

  it('per-task: each task changes a fresh copy, as a notebook function sent with its globals', () => {
    const task = compileTask(
      'add_to_global_var_global',
      ADD,
      { MY_GLOBAL_VAR: 1.4 },
      {},
      'per-task',
    );
    expect([0, 1, 2].map((n) => task(n))).toEqual([1.4, 2.4, 3.4]);
  });

  it('module: the worker’s module state carries from task to task', () => {
    const counter = 'function count_calls() {\n  CALLS += 1;\n  return CALLS;\n}';
    const task = compileTask('count_calls', counter, { CALLS: 0 }, {}, 'module');
    expect([task(), task(), task()]).toEqual([1, 2, 3]);
    const fresh = compileTask('count_calls', counter, { CALLS: 0 }, {}, 'per-task');
    expect([fresh(), fresh(), fresh()]).toEqual([1, 1, 1]);
  });

  it('const: the copy cannot be assigned', () => {
    const task = compileTask('add_to_global_var_global', ADD, { MY_GLOBAL_VAR: 1.4 }, {});
    expect(() => task(1)).toThrow(TypeError);
  });
});
