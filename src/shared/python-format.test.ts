import { describe, expect, it } from 'vitest';
import { formatPython } from './python-format';

describe('formatPython', () => {
  it("prints the notebook's results", () => {
    expect(formatPython([1.4, 1.4])).toBe('[1.4, 1.4]');
    expect(formatPython([0, 1])).toBe('[0, 1]');
    expect(formatPython([1225, 3725])).toBe('[1225, 3725]');
    expect(
      formatPython([
        { shape: [50, 1], sum: 1225 },
        { shape: [50, 1], sum: 3725 },
      ]),
    ).toBe('[((50, 1), 1225), ((50, 1), 3725)]');
  });
  it('prints None, strings and booleans as Python does', () => {
    expect(formatPython([null, 'a', true])).toBe("[None, 'a', True]");
  });
});
