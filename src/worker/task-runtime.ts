/**
 * Builds a task function from the code the parent sent, the way cloudpickle
 * rebuilds a notebook function in a loky worker: the code is compiled here, in
 * this process, inside a scope that holds this worker's own copies of the
 * globals it refers to. By default each copy is a `const` binding, so reading
 * it works and assigning to it throws, as `add_to_global_var` shows. Two other
 * bindings transcribe what Python's `global` statement reaches:
 * - `per-task`: a notebook function sent by value brings its globals with
 *   every task, so each task starts from a fresh copy it may change;
 * - `module`: a function imported from a module refers to that module's
 *   globals in the worker, which live as long as the worker does.
 */
import { compileFunction } from 'node:vm';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export type TaskFunction = (...args: unknown[]) => unknown;

/** How a task's globals are bound in the worker (see the header). */
export type Bindings = 'const' | 'per-task' | 'module';

/**
 * Compiles `source` (one function expression) with `globals` and `helpers`
 * in scope. The scope's declarations sit on the source's first line so that
 * line numbers in a stack trace match the code the UI shows.
 */
export function compileTask(
  taskName: string,
  source: string,
  globals: Record<string, unknown>,
  helpers: Record<string, unknown>,
  bindings: Bindings = 'const',
): TaskFunction {
  const names = [...Object.keys(helpers), ...Object.keys(globals)];
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new TypeError(`"${name}" cannot be a global's name`);
  }
  if (!IDENTIFIER.test(taskName)) throw new TypeError(`"${taskName}" cannot be a function name`);
  const declarations = [
    ...Object.keys(helpers).map((name) => `const ${name} = __helpers.${name};`),
    ...Object.keys(globals).map(
      (name) => `${bindings === 'const' ? 'const' : 'let'} ${name} = __globals.${name};`,
    ),
  ].join(' ');
  const body = `"use strict"; ${declarations} return (${source}\n);`;
  const factory = compileFunction(body, ['__globals', '__helpers'], { filename: `${taskName}.js` });
  const build = (values: Record<string, unknown>): TaskFunction => {
    const task = factory(values, helpers) as unknown;
    if (typeof task !== 'function')
      throw new TypeError(`the code for ${taskName} is not a function`);
    return task as TaskFunction;
  };
  if (bindings !== 'per-task') return build(globals);
  build(globals);
  // Each call builds the function again around a fresh copy of the globals it received.
  return (...args) => build(structuredClone(globals))(...args);
}

/** Sums a column exactly as long as the total stays below 2^53 (true for every lesson). */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i += 1) total += values[i] as number;
  return total;
}

/** Freezes the received container objects (a typed array's elements cannot be frozen; they stay this worker's to change). */
export function freezeGlobal(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value))
    Object.freeze(value);
  return value;
}
