/**
 * Prints values the way Python's `print` shows the notebook's results, so the
 * app's output can be compared with the tutorial's cell by cell.
 */

/** A `read_and_sum_data` result: the chunk's DataFrame shape and its sum. */
export interface ShapeAndSum {
  shape: [number, number];
  sum: number;
}

function isShapeAndSum(value: unknown): value is ShapeAndSum {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as ShapeAndSum).shape) &&
    typeof (value as ShapeAndSum).sum === 'number'
  );
}

/** A Python tuple as results carry it across processes: `tuple(a, b)` in a task prints `(a, b)`. */
export interface PythonTuple {
  tuple: unknown[];
}

export function pythonTuple(items: unknown[]): PythonTuple {
  return { tuple: items };
}

export function isPythonTuple(value: unknown): value is PythonTuple {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    Array.isArray((value as PythonTuple).tuple)
  );
}

/** Python's repr of a number: integers without a decimal point, floats as the shortest round-trip text. */
function pyNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

/** Formats a result value, a list of them, or a shape-and-sum tuple as Python prints it. */
export function formatPython(value: unknown): string {
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return `'${value}'`;
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `[${value.map(formatPython).join(', ')}]`;
  if (isPythonTuple(value))
    return value.tuple.length === 1
      ? `(${formatPython(value.tuple[0])},)`
      : `(${value.tuple.map(formatPython).join(', ')})`;
  if (isShapeAndSum(value))
    return `((${value.shape.map(pyNumber).join(', ')}), ${pyNumber(value.sum)})`;
  return JSON.stringify(value);
}
