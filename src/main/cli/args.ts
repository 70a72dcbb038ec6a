/**
 * The CLI's arguments: `list`, or `run EXPERIMENT [options]`. Parsing only
 * collects strings; `validateRunParams` decides what is allowed, so the CLI
 * and the UI refuse the same values with the same words.
 */
import { ParamError } from '../../shared/params';

export const USAGE = `Usage: npm run -s lab -- <command> [options]

Commands:
  list                       the lessons, in the tutorial's order
  run EXPERIMENT [options]   run a lesson with real worker processes
  run compare [options]      full-copy against partial-read: what each process holds

Options for run:
  --workers N            worker processes (joblib's n_jobs): 1 to 32, default 2
  --tasks T              how many tasks: default one per worker, as in the tutorial
  --rows R               rows of my_data (0 … R-1): default 100; partial-read at most 1,048,575
  --batch-size B         tasks per batch, or "auto": default 1
  --verbose V            joblib's verbose level, 0 to 100: default 10
  --timeout S            joblib's timeout: seconds a task may run, 1 to 3,600 (default: none; a worker
                         silent for 10 s still ends the run)
  --json                 print one JSON report on stdout instead of the notebook's output
  --data-dir DIR         where my_database.xlsx is written and read (default: isolation-lab in the temp folder)
  --existing-database    read the my_database.xlsx already in --data-dir instead of writing it first
  --sweep                (compare) also run both with 1 … N workers, for the scaling figures
  --help                 this text

Exit status: 0 when the run succeeded, 1 when a worker raised (the report is still printed), 2 for bad arguments.`;

export type CliCommand =
  | { command: 'help' }
  | { command: 'list' }
  | {
      command: 'run';
      request: Record<string, unknown>;
      json: boolean;
      dataDir: string | null;
      existingDatabase: boolean;
      sweep: boolean;
    };

/** Options that take a value, and the run parameter each one sets. */
const VALUE_OPTIONS: Record<string, string> = {
  '--workers': 'nJobs',
  '--tasks': 'tasks',
  '--rows': 'rows',
  '--batch-size': 'batchSize',
  '--verbose': 'verbose',
  '--timeout': 'timeout',
  '--data-dir': 'dataDir',
};
const FLAG_OPTIONS = new Set(['--json', '--existing-database', '--sweep', '--help']);
const ALL_OPTIONS = [...Object.keys(VALUE_OPTIONS), ...FLAG_OPTIONS].join(', ');

/** Parses argv (without node and the script). Throws `ParamError` for anything it cannot accept. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help' };
  if (command === 'list') {
    if (rest.length) throw new ParamError('argument', rest[0], '`list` takes no arguments');
    return { command: 'list' };
  }
  if (command !== 'run') throw new ParamError('command', command, '"run" or "list"');

  const request: Record<string, unknown> = {};
  let json = false;
  let existingDatabase = false;
  let sweep = false;
  let dataDir: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (FLAG_OPTIONS.has(name)) {
      if (inline !== undefined) throw new ParamError(name, inline, `${name} takes no value`);
      if (name === '--json') json = true;
      else if (name === '--existing-database') existingDatabase = true;
      else if (name === '--sweep') sweep = true;
      else return { command: 'help' };
      continue;
    }
    const key = VALUE_OPTIONS[name];
    if (!key) throw new ParamError('option', name, ALL_OPTIONS);
    const value = inline ?? rest[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new ParamError(name, undefined, `${name} needs a value`);
    }
    if (key === 'dataDir') dataDir = value;
    else request[key] = value;
  }
  if (positional.length === 0)
    throw new ParamError('experiment', undefined, 'run needs a lesson id: see `lab list`');
  if (positional.length > 1)
    throw new ParamError('argument', positional[1], 'one experiment id, then options');
  request.experiment = positional[0];
  if (sweep && request.experiment !== 'compare')
    throw new ParamError('--sweep', true, '--sweep goes with `run compare`');
  return { command: 'run', request, json, dataDir, existingDatabase, sweep };
}
