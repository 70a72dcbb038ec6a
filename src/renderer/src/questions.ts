/**
 * Predict, then run: each lesson's question, its answers built from the
 * run's own parameters, and which answer a finished run shows. The right
 * answer is never a fixed key: it is read from the report (the results, the
 * parent's global after the run, the dataset bytes the workers held), so a
 * run that behaves differently marks a different answer.
 */
import { MY_GLOBAL_VAR, type LessonId } from '../../shared/lessons';
import { RACE_INCREMENTS } from '../../shared/threads';
import type { RunParams } from '../../shared/params';
import { formatPython, isPythonTuple } from '../../shared/python-format';
import type { RunReport } from '../../shared/report';
import type { Formats } from './format';
import type { Unit } from './i18n';

/** One answer: its id (what the run is checked against) and the values its text is filled with. */
export interface Choice {
  id: string;
  values: Record<string, string>;
}

/** A lesson's question for some workers, tasks and rows. */
export interface Question {
  lesson: LessonId;
  /** Values of the question's text. */
  values: Record<string, string>;
  choices: Choice[];
}

/** What a student did with the question before the run: chose an answer, or skipped it. */
export type Prediction = { choice: string } | { skipped: true };

type Shape = Pick<RunParams, 'nJobs' | 'tasks' | 'rows'> & Partial<Pick<RunParams, 'definedIn'>>;

/** A list as Python prints it, shortened past four items so an answer stays one line. */
function pythonList(values: unknown[]): string {
  if (values.length <= 4) return formatPython(values);
  const last = values[values.length - 1];
  return `[${formatPython(values[0])}, ${formatPython(values[1])}, …, ${formatPython(last)}]`;
}

/** The dataset's bytes held together by the workers, as three candidates: one copy, one per worker, one per process. */
function heldCandidates(shape: Shape): Array<{ id: string; copies: number }> {
  const candidates = [
    { id: 'one-copy', copies: 1 },
    { id: 'copy-each', copies: shape.nJobs },
    { id: 'copy-each-and-parent', copies: shape.nJobs + 1 },
  ];
  // With one worker, "one copy" and "a copy each" are the same answer.
  return candidates.filter((c, i) => candidates.findIndex((d) => d.copies === c.copies) === i);
}

/** The bytes of the dataset at `rows` rows (a Float64Array of them). */
const datasetBytes = (rows: number): number => rows * Float64Array.BYTES_PER_ELEMENT;

/** The question of `lesson` for a run of `shape`, its numbers written with `format` and `counted`. */
export function questionFor(
  lesson: LessonId,
  shape: Shape,
  format: Formats,
  counted: (unit: Unit, n: number) => string,
): Question {
  const ns = Array.from({ length: shape.tasks }, (_, n) => n);
  const last = String(shape.tasks - 1);
  const base = {
    workers: counted('workers', shape.nJobs),
    tasks: counted('tasks', shape.tasks),
    last,
    rows: counted('rows', shape.rows),
    dataset: format.bytes(datasetBytes(shape.rows)),
  };
  switch (lesson) {
    case 'read-global':
      return {
        lesson,
        values: base,
        choices: [
          { id: 'copies', values: { list: pythonList(ns.map(() => MY_GLOBAL_VAR)) } },
          { id: 'nones', values: { list: pythonList(ns.map(() => null)) } },
          { id: 'error', values: {} },
        ],
      };
    case 'write-global':
      return {
        lesson,
        values: base,
        choices: [
          { id: 'unchanged', values: { value: formatPython(MY_GLOBAL_VAR) } },
          { id: 'last', values: { value: last } },
          { id: 'error', values: {} },
        ],
      };
    case 'change-global':
      return {
        lesson,
        values: base,
        choices: [
          { id: 'adds', values: { list: pythonList(ns.map((n) => MY_GLOBAL_VAR + n)) } },
          { id: 'parent', values: {} },
          { id: 'error', values: {} },
        ],
      };
    case 'global-write':
      return {
        lesson,
        values: base,
        choices: [
          { id: 'fresh', values: { list: pythonList(ns.map((n) => MY_GLOBAL_VAR + n)) } },
          { id: 'parent', values: {} },
          { id: 'error', values: {} },
        ],
      };
    case 'shared-memory': {
      const expected = format.count(shape.tasks * RACE_INCREMENTS);
      return {
        lesson,
        values: { ...base, increments: format.count(RACE_INCREMENTS), expected },
        choices: [
          { id: 'both-exact', values: { expected } },
          { id: 'plain-short', values: { expected } },
          { id: 'both-short', values: { expected } },
        ],
      };
    }
    case 'worker-reuse':
      return {
        lesson,
        values: { ...base, where: shape.definedIn ?? 'notebook' },
        choices: [
          { id: 'ones', values: {} },
          { id: 'per-worker', values: {} },
          { id: 'shared', values: { n: format.count(shape.tasks) } },
        ],
      };
    case 'full-copy':
    case 'partial-read':
      return {
        lesson,
        values: base,
        choices: heldCandidates(shape).map(({ id, copies }) => ({
          id,
          values: {
            bytes: format.bytes(copies * datasetBytes(shape.rows)),
            times: format.count(copies),
          },
        })),
      };
  }
}

/** The parent's MY_GLOBAL_VAR after the run, as printed. */
function parentAfter(report: RunReport): string | null {
  return report.mainGlobals.find((g) => g.name === 'MY_GLOBAL_VAR')?.display ?? null;
}

/** Whether the run ended because a task raised (not a worker killed, a timeout or a cancel). */
const taskRaised = (report: RunReport): boolean => report.error?.name === 'WorkerError';

/** The choice of the global-variable lessons the run shows, or null. */
function globalsAnswer(lesson: LessonId, report: RunReport): string | null {
  if (taskRaised(report)) return 'error';
  if (report.error || !report.results) return null;
  const results = report.results;
  const parent = parentAfter(report);
  const unchanged = parent === formatPython(MY_GLOBAL_VAR);
  if (lesson === 'read-global') {
    if (results.every((r) => r === MY_GLOBAL_VAR)) return 'copies';
    return results.every((r) => r === null) ? 'nones' : null;
  }
  if (lesson === 'write-global') {
    if (unchanged) return 'unchanged';
    return parent === String(report.params.tasks - 1) ? 'last' : null;
  }
  if (!unchanged) return 'parent';
  const added = results.every((r, n) => r === MY_GLOBAL_VAR + n);
  if (lesson === 'global-write') return added ? 'fresh' : null;
  return added ? 'adds' : null;
}

/** shared-memory: which of the two totals reached the expected count. */
function raceAnswer(report: RunReport): string | null {
  const race = report.error ? null : report.threads?.race;
  if (!race) return null;
  if (race.atomic === race.expected)
    return race.plain === race.expected ? 'both-exact' : 'plain-short';
  return race.plain < race.expected ? 'both-short' : null;
}

/** worker-reuse: every count 1, each worker counting on (1, 2, 3 … per pid), or one counter over all tasks. */
function countsAnswer(report: RunReport): string | null {
  if (report.error || !report.results) return null;
  if (!report.results.every(isPythonTuple)) return null;
  const pairs = report.results.map((r) => r.tuple as [number, number]);
  const counts = pairs.map(([, n]) => n);
  if (counts.every((n) => n === 1)) return 'ones';
  if (counts.every((n, i) => n === i + 1)) return 'shared';
  // Each worker's counts go up by one from task to task, wherever they started.
  const last = new Map<number, number>();
  const perWorker = pairs.every(([pid, n]) => {
    const before = last.get(pid);
    last.set(pid, n);
    return before === undefined || n === before + 1;
  });
  return perWorker ? 'per-worker' : null;
}

/**
 * The answer a finished run shows, or null when it cannot answer: it was
 * cancelled, a worker died, or it showed none of the answers.
 */
export function answerFromRun(report: RunReport): string | null {
  const lesson = report.experiment;
  if (lesson === 'worker-reuse') return countsAnswer(report);
  if (lesson === 'shared-memory') return raceAnswer(report);
  if (lesson !== 'full-copy' && lesson !== 'partial-read') return globalsAnswer(lesson, report);
  if (report.error) return null;
  // The candidate nearest the bytes the workers held, counted, on a log scale.
  const held = report.memory.workersDatasetBytes;
  const dataset = report.memory.datasetBytes;
  if (dataset <= 0) return null;
  const distance = (copies: number): number => Math.abs(Math.log((held || 1) / (copies * dataset)));
  const nearest = heldCandidates(report.params).reduce((best, c) =>
    distance(c.copies) < distance(best.copies) ? c : best,
  );
  return nearest.id;
}
