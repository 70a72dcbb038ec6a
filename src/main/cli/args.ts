/**
 * The CLI's arguments: `list`, `run LESSON [options]` or `compare [options]`,
 * read by Node's own `parseArgs`. Parsing only collects strings; the lab's
 * schemas (`validateRunParams`, `validateCompareParams`) decide what is
 * allowed when the lab is asked to run, so the CLI and the UI refuse the
 * same values with the same words.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { ParamError } from '../../shared/params';

export const USAGE = `Usage: npm run -s lab -- <command> [options]

Commands:
  list                    the lessons, in the tutorial's order
  run LESSON [options]    run a lesson with real worker processes
  compare [options]       the dataset strategies side by side: what each process holds

Options for run:
  --workers N            worker processes (joblib's n_jobs): 1 to 32, default 2
  --tasks T              how many tasks: default one per worker, as in the tutorial
  --rows R               rows of my_data (0 … R-1): default 100; partial-read at most 1,048,575
  --batch-size B         tasks per batch, or "auto": default 1
  --verbose V            joblib's verbose level, 0 to 100: default 10
  --timeout S            joblib's timeout: seconds a task may run, 1 to 3,600 (default: none; a worker
                         silent for 10 s still ends the run)
  --defined-in WHERE     "notebook" (default) or "module": where the task's function is defined;
                         "module" for global-write and worker-reuse, whose functions write their globals
  --runs K               run the lesson K times (1 to 20) on the same workers, as the notebook's
                         cell run again; with --json, an array of K reports
  --restart              restart the workers before each run after the first (fresh module state)

Options for compare:
  --workers N, --rows R  as for run (rows at most 1,048,575)
  --strategies LIST      which to compare, separated by commas: full-copy, partial-read,
                         shared-memory (default: all three)
  --sweep                also run each with 1 … N workers, for the scaling figures

For both:
  --json                 print one JSON report on stdout instead of the notebook's output
  --data-dir DIR         where my_database.xlsx is written and read (default: isolation-lab in the temp folder)
  --existing-database    read the my_database.xlsx already in --data-dir instead of writing it first
  --help                 this text

Exit status: 0 when the run succeeded, 1 when a worker raised (the report is still printed), 2 for bad arguments.`;

interface Common {
  json: boolean;
  dataDir: string | null;
  /** Read the workbook already in the data folder instead of writing it first. */
  existingDatabase: boolean;
}

export type CliCommand =
  | { command: 'help' }
  | { command: 'list' }
  | (Common & {
      command: 'run';
      request: Record<string, unknown>;
      /** How many times to run it on the same pool. */
      runs: number;
      /** Restart the workers between runs. */
      restart: boolean;
    })
  | (Common & { command: 'compare'; request: Record<string, unknown> });

const OPTIONS = {
  workers: { type: 'string' },
  tasks: { type: 'string' },
  rows: { type: 'string' },
  'batch-size': { type: 'string' },
  verbose: { type: 'string' },
  timeout: { type: 'string' },
  'defined-in': { type: 'string' },
  runs: { type: 'string' },
  restart: { type: 'boolean' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  'existing-database': { type: 'boolean' },
  sweep: { type: 'boolean' },
  strategies: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options each command takes, and the run parameter each value sets. */
const RUN_PARAMS = {
  workers: 'nJobs',
  tasks: 'tasks',
  rows: 'rows',
  'batch-size': 'batchSize',
  verbose: 'verbose',
  timeout: 'timeout',
  'defined-in': 'definedIn',
} as const;

/** Most runs one CLI call makes. */
const MAX_RUNS = 20;
const COMPARE_PARAMS = { workers: 'nJobs', rows: 'rows', strategies: 'strategies' } as const;
const ALL_OPTIONS = Object.keys(OPTIONS)
  .map((name) => `--${name}`)
  .join(', ');

type Values = ReturnType<typeof read>['values'];

/** Node's parseArgs, its errors said as the lab says them. */
function read(argv: readonly string[]) {
  try {
    return parseNodeArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const name = /'(-{1,2}[\w-]+)/.exec((error as Error).message)?.[1] ?? '?';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ParamError('option', name, ALL_OPTIONS);
    const type = OPTIONS[name.replace(/^-+/, '') as keyof typeof OPTIONS]?.type;
    throw new ParamError(
      name,
      undefined,
      type === 'boolean' ? `${name} takes no value` : `${name} needs a value`,
    );
  }
}

/** The options given that `allowed` does not list, as an error naming the first. */
function refuseOthers(values: Values, allowed: readonly string[], command: string): void {
  const other = Object.keys(values).find((name) => !allowed.includes(name));
  if (other) throw new ParamError(`--${other}`, true, `--${other} does not go with \`${command}\``);
}

/** The run parameters the options set, as the strings they were typed. */
function requestOf(
  values: Values,
  names: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  for (const [option, param] of Object.entries(names)) {
    const value = values[option as keyof Values];
    if (value !== undefined) request[param] = value;
  }
  return request;
}

/** Parses argv (without node and the script). Throws `ParamError` for anything it cannot accept. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const { values, positionals } = read(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  const common = {
    json: values.json === true,
    dataDir: values['data-dir'] ?? null,
    existingDatabase: values['existing-database'] === true,
  };
  if (command === 'list') {
    if (rest.length || Object.keys(values).length)
      throw new ParamError('argument', rest[0] ?? 'an option', '`list` takes no arguments');
    return { command: 'list' };
  }
  if (command === 'compare') {
    if (rest.length) throw new ParamError('argument', rest[0], '`compare` takes options only');
    refuseOthers(
      values,
      [...Object.keys(COMPARE_PARAMS), 'sweep', 'existing-database', 'json', 'data-dir'],
      'compare',
    );
    return {
      command: 'compare',
      ...common,
      request: { ...requestOf(values, COMPARE_PARAMS), sweep: values.sweep === true },
    };
  }
  if (command !== 'run') throw new ParamError('command', command, '"run", "compare" or "list"');
  if (rest.length === 0)
    throw new ParamError('experiment', undefined, 'run needs a lesson id: see `lab list`');
  if (rest.length > 1) throw new ParamError('argument', rest[1], 'one lesson id, then options');
  if (rest[0] === 'compare')
    throw new ParamError(
      'experiment',
      'compare',
      'a lesson id; the comparison is its own command: `lab compare`',
    );
  refuseOthers(
    values,
    [...Object.keys(RUN_PARAMS), 'runs', 'restart', 'existing-database', 'json', 'data-dir'],
    'run',
  );
  const request = { experiment: rest[0], ...requestOf(values, RUN_PARAMS) };
  const runs = values.runs === undefined ? 1 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS || !/^\d+$/.test(values.runs ?? '1'))
    throw new ParamError('--runs', values.runs, `a whole number from 1 to ${MAX_RUNS}`);
  return { command: 'run', ...common, request, runs, restart: values.restart === true };
}
