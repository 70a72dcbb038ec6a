import { describe, expect, it } from 'vitest';
import { ParamError } from '../../shared/params';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads run with its options, in both spellings', () => {
    expect(
      parseArgs([
        'run',
        'full-copy',
        '--workers',
        '4',
        '--rows=1000',
        '--batch-size',
        'auto',
        '--json',
      ]),
    ).toEqual({
      command: 'run',
      request: { experiment: 'full-copy', nJobs: '4', rows: '1000', batchSize: 'auto' },
      json: true,
      dataDir: null,
      existingDatabase: false,
      runs: 1,
      restart: false,
    });
  });

  it('reads compare as its own command', () => {
    expect(
      parseArgs([
        'compare',
        '--workers',
        '4',
        '--sweep',
        '--strategies',
        'full-copy,shared-memory',
        '--data-dir',
        '/tmp/d',
      ]),
    ).toEqual({
      command: 'compare',
      request: { nJobs: '4', sweep: true, strategies: 'full-copy,shared-memory' },
      json: false,
      dataDir: '/tmp/d',
      existingDatabase: false,
    });
  });

  it('reads list and help', () => {
    expect(parseArgs(['list'])).toEqual({ command: 'list' });
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['run', 'x', '--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [['run', 'read-global', '--colour', 'red'], 'option'],
    [['run', 'read-global', '--workers'], '--workers'],
    [['run', 'read-global', '--workers', '--json'], '--workers'],
    [['run'], 'experiment'],
    [['run', 'a', 'b'], 'argument'],
    [['fly'], 'command'],
    [['run', 'read-global', '--json=yes'], '--json'],
    [['run', 'read-global', '--sweep'], '--sweep'],
    [['compare', '--tasks', '3'], '--tasks'],
    [['run', 'compare'], 'experiment'],
    [['list', '--json'], 'argument'],
  ])('refuses %j', (argv, param) => {
    expect(() => parseArgs(argv)).toThrow(ParamError);
    try {
      parseArgs(argv);
    } catch (error) {
      expect((error as ParamError).param).toBe(param);
    }
  });
});
