/**
 * The texts of a lesson that depend on the run: its takeaway, filled in from
 * the run's own parameters and results, and the notebook's Python with the
 * run's workers and rows. Nothing here restates the default run.
 */
import type { RunParams } from '../../shared/params';
import { isPythonTuple } from '../../shared/python-format';
import { printedParent, type RunReport } from '../../shared/report';
import type { Formats } from './format';
import type { Unit } from './i18n';

/** The values the takeaway of `report.experiment` refers to. */
export function takeawayValues(
  report: RunReport,
  format: Formats,
  counted: (unit: Unit, n: number) => string,
): Record<string, string> {
  const { count } = format;
  const { memory } = report;
  return {
    tasks: counted('tasks', report.params.tasks),
    workers: counted('workers', report.params.nJobs),
    results: report.printedResults ?? '',
    parent: printedParent(report)?.display ?? '?',
    pid: String(report.error?.workerPid ?? '?'),
    task: String(report.error?.taskIndex ?? '?'),
    dataset: format.bytes(memory.datasetBytes),
    held: format.bytes(memory.workersDatasetBytes),
    copies: count(report.workers.length + 1),
    times: format.fixed(memory.duplication ?? 0, 2),
    mainThread: String(report.threads?.mainThreadGlobal ?? '?'),
    plain: count(report.threads?.race.plain ?? 0),
    atomic: count(report.threads?.race.atomic ?? 0),
    expected: count(report.threads?.race.expected ?? 0),
  };
}

/** The notebook's cells with the run's (or the form's) workers and rows, as the notebook sets them. */
export function pythonCell(source: string, params: Pick<RunParams, 'nJobs' | 'rows'>): string {
  return `n_workers = ${params.nJobs}\n\n${source.replaceAll('{rows}', String(params.rows))}`;
}

/**
 * The printed results as the notebook's output writes them: a worker's pid
 * at the head of a result tuple (worker-reuse's `(pid, CALLS)`) becomes A,
 * B … in order of appearance, since pids differ from run to run and the
 * pattern is what the notebook shows. Other results print as they are.
 */
export function asTheNotebookWritesIt(report: RunReport): string | null {
  const printed = report.printedResults;
  if (printed === null) return null;
  const workers = new Set(report.workers.map((w) => w.pid));
  const letters = new Map<number, string>();
  for (const result of report.results ?? []) {
    const head = isPythonTuple(result) ? result.tuple[0] : null;
    if (typeof head === 'number' && workers.has(head) && !letters.has(head))
      letters.set(head, String.fromCharCode(65 + letters.size));
  }
  if (letters.size === 0) return printed;
  return printed.replace(/\((\d+), /g, (whole, pid: string) => {
    const letter = letters.get(Number(pid));
    return letter ? `(${letter}, ` : whole;
  });
}
