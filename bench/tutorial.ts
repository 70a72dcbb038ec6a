/**
 * The tutorial's own code (bench/anchors, joblib 1.2 with loky, pandas,
 * openpyxl), run in the same `npm run bench` as the lab, so that the two are
 * compared as ratios measured on one machine at one time, never against
 * figures typed in from another day. It needs Debian's python3 with those
 * packages; without them the bench says how to install them.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Where the anchor scripts are, from the built bench (out/bench). */
const ANCHORS = join(__dirname, '../../bench/anchors');
const PYTHONS = ['/usr/bin/python3', 'python3'];
export const INSTALL =
  'apt-get install -y python3-joblib python3-pandas python3-openpyxl python3-psutil';

export interface TutorialRun {
  python: string;
  dispatch: { spawn_s: number; batch1_tasks_per_s: number; auto_tasks_per_s: number };
  anchor: {
    rows: number;
    workers: number;
    write_xlsx_s: number;
    full_copy_s: number;
    full_copy_uss_delta_mb: number[];
    partial_read_s: number;
    partial_uss_delta_mb: number[];
  };
}

export type Tutorial = ({ available: true } & TutorialRun) | { available: false; reason: string };

/** The first python3 that imports joblib, pandas, openpyxl and psutil, or null. */
function findPython(): string | null {
  for (const python of PYTHONS) {
    try {
      execFileSync(python, ['-c', 'import joblib, pandas, openpyxl, psutil'], { stdio: 'ignore' });
      return python;
    } catch {
      // Not there, or without the packages: try the next one.
    }
  }
  return null;
}

/** Runs one anchor script and parses the JSON line it prints. */
function anchor<T>(python: string, script: string, args: string[]): T {
  const out = execFileSync(python, [join(ANCHORS, script), ...args], {
    encoding: 'utf8',
    timeout: 600_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as T;
}

/** The tutorial's figures on this machine now: 10,000 tiny tasks, and write / full copy / partial read of `rows` rows. */
export function runTutorial(rows: number, tinyTasks: number): Tutorial {
  const python = findPython();
  if (!python)
    return {
      available: false,
      reason: `no python3 with joblib, pandas, openpyxl and psutil; install them with: ${INSTALL}`,
    };
  return {
    available: true,
    python,
    dispatch: anchor(python, 'joblib_dispatch.py', [String(tinyTasks), '2']),
    anchor: anchor(python, 'joblib_anchor.py', [String(rows), '2']),
  };
}

/** One figure measured both ways in the same run. */
export interface Ratio {
  figure: string;
  lab: string;
  tutorial: string;
  /** How many times faster (or smaller) the lab is; above 1 favours the lab. */
  ratio: number;
}

/** What the lab measured in the same run, for the ratios. */
export interface LabFigures {
  poolReady2Ms: number;
  batch1TasksPerS: number;
  autoTasksPerS: number;
  excelWriteMs: number;
  partialRead2Ms: number;
  partialRead2UssMiB: number;
}

/** The lab against the tutorial's code, figure by figure. */
export function ratios(lab: LabFigures, tutorial: TutorialRun): Ratio[] {
  const { dispatch, anchor: run } = tutorial;
  const ms = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`;
  const perS = (x: number): string => `${Math.round(x).toLocaleString('en-US')} tasks/s`;
  const mib = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(' / ') + ' MiB';
  const partialUss = Math.max(...run.partial_uss_delta_mb);
  return [
    {
      figure: '2 workers ready',
      lab: ms(lab.poolReady2Ms),
      tutorial: ms(dispatch.spawn_s * 1000),
      ratio: (dispatch.spawn_s * 1000) / lab.poolReady2Ms,
    },
    {
      figure: '10,000 tiny tasks, batch size 1',
      lab: perS(lab.batch1TasksPerS),
      tutorial: perS(dispatch.batch1_tasks_per_s),
      ratio: lab.batch1TasksPerS / dispatch.batch1_tasks_per_s,
    },
    {
      figure: '10,000 tiny tasks, auto',
      lab: perS(lab.autoTasksPerS),
      tutorial: perS(dispatch.auto_tasks_per_s),
      ratio: lab.autoTasksPerS / dispatch.auto_tasks_per_s,
    },
    {
      figure: `write ${run.rows.toLocaleString('en-US')} rows of xlsx`,
      lab: ms(lab.excelWriteMs),
      tutorial: ms(run.write_xlsx_s * 1000),
      ratio: (run.write_xlsx_s * 1000) / lab.excelWriteMs,
    },
    {
      figure: 'partial read of them, 2 workers',
      lab: ms(lab.partialRead2Ms),
      tutorial: ms(run.partial_read_s * 1000),
      ratio: (run.partial_read_s * 1000) / lab.partialRead2Ms,
    },
    {
      figure: 'partial read: the largest worker USS growth',
      lab: `${lab.partialRead2UssMiB.toFixed(1)} MiB`,
      tutorial: mib(run.partial_uss_delta_mb),
      ratio: partialUss / Math.max(lab.partialRead2UssMiB, 0.1),
    },
  ];
}
