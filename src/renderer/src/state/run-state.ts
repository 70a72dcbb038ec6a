/**
 * What the UI shows of a run, built from the run's events as they arrive:
 * the parent's card, one card per worker (pid, received globals, tasks and
 * their results, state), the progress of the workbook, the verbose log, and
 * the final report.
 */
import type { RunEvent, RunPhase } from '../../../shared/api';
import type { GlobalSummary, MemorySample } from '../../../shared/memory';
import type { RunParams } from '../../../shared/params';
import type { RunReport } from '../../../shared/report';
import type { StepPoint } from '../../../shared/step-points';

export type WorkerState = 'starting' | 'idle' | 'running' | 'done' | 'error';

export interface TaskView {
  index: number;
  state: 'running' | 'done' | 'error';
  /** The result as Python prints it, once it is in. */
  display: string | null;
}

export interface WorkerView {
  slot: number;
  pid: number;
  state: WorkerState;
  /** The globals this worker received; null until it has installed the task. */
  received: GlobalSummary[] | null;
  /** The tasks a card shows: the first SHOWN_TASKS, and any running after them. */
  tasks: TaskView[];
  /** How many tasks the worker has finished in all (a run may have a million). */
  taskCount: number;
  read: { taskIndex: number; rowsRead: number; rowsWanted: number } | null;
}

export interface RunView {
  runId: number | null;
  /**
   * `finished`: the run completed (its tasks may have raised, as change-global's
   * do); `cancelled`: it stopped before its end, so it has no figures to show.
   */
  status: 'idle' | 'running' | 'finished' | 'cancelled';
  /** The last phase that did the run's work (not its closing measurement): where a cancelled run stopped. */
  workPhase: RunPhase | null;
  phase: RunPhase | null;
  params: RunParams | null;
  mainPid: number | null;
  mainGlobals: GlobalSummary[];
  workers: WorkerView[];
  excel: { rowsWritten: number; totalRows: number } | null;
  log: string[];
  /** Every process's memory, sampled while the run goes on. */
  samples: MemorySample[];
  report: RunReport | null;
  /** A stepwise run's points so far (the last SHOWN_STEPS), the newest last. */
  steps: { step: number; point: StepPoint }[];
  /** Whether a stepwise run holds at its newest point, waiting for the next Step. */
  holding: boolean;
}

export const IDLE_RUN: RunView = {
  runId: null,
  status: 'idle',
  phase: null,
  workPhase: null,
  params: null,
  mainPid: null,
  mainGlobals: [],
  workers: [],
  excel: null,
  log: [],
  samples: [],
  report: null,
  steps: [],
  holding: false,
};

/** How many of a stepwise run's points the page keeps (a run may have a million tasks). */
export const SHOWN_STEPS = 12;

/** The Step was pressed: the run no longer holds (until its next point). */
export function stepped(view: RunView): RunView {
  return { ...view, holding: false };
}

function updateWorker(
  view: RunView,
  slot: number,
  change: (worker: WorkerView) => WorkerView,
): RunView {
  return {
    ...view,
    workers: view.workers.map((worker) => (worker.slot === slot ? change(worker) : worker)),
  };
}

/** How many tasks a worker's card lists; the rest are counted. */
export const SHOWN_TASKS = 12;

/**
 * A task's new state in the card's list. The list stays short (the first
 * SHOWN_TASKS, and those running), so that a run of a million tasks costs
 * the page the same per event as a run of two.
 */
function upsertTask(tasks: TaskView[], task: TaskView): TaskView[] {
  const at = tasks.findIndex((t) => t.index === task.index);
  if (at >= 0) {
    const next = tasks.slice();
    next[at] = task;
    // A finished task past the first ones leaves the list: it is counted instead.
    return task.state === 'done' && at >= SHOWN_TASKS ? next.filter((_, i) => i !== at) : next;
  }
  if (tasks.length >= SHOWN_TASKS && task.state === 'done') return tasks;
  return [...tasks, task].sort((a, b) => a.index - b.index);
}

/** Applies one event. Events of another run than the current one are ignored. */
export function reduceRun(view: RunView, event: RunEvent): RunView {
  // A newer run replaces what is shown; events of an older one are late and ignored.
  if (view.runId === null || event.runId > view.runId)
    view = { ...IDLE_RUN, runId: event.runId, status: 'running' };
  else if (event.runId < view.runId) return view;
  switch (event.type) {
    case 'run-started':
      return {
        ...view,
        params: event.params,
        mainPid: event.mainPid,
        mainGlobals: event.mainGlobals,
      };
    case 'phase':
      // The end of a run is marked by its report (see finishRun), which knows how it ended.
      if (event.phase === 'finished') return view;
      return {
        ...view,
        phase: event.phase,
        workPhase: event.phase === 'measuring' ? view.workPhase : event.phase,
      };
    case 'excel-progress':
      return { ...view, excel: { rowsWritten: event.rowsWritten, totalRows: event.totalRows } };
    case 'workers-ready':
      return {
        ...view,
        workers: event.workers.map((w) => ({
          slot: w.slot,
          pid: w.pid,
          state: 'idle',
          received: null,
          tasks: [],
          taskCount: 0,
          read: null,
        })),
      };
    case 'installed':
      return updateWorker(view, event.slot, (w) => ({ ...w, received: event.received }));
    case 'task-started':
      return updateWorker(view, event.slot, (w) => ({
        ...w,
        state: 'running',
        tasks: upsertTask(w.tasks, { index: event.taskIndex, state: 'running', display: null }),
      }));
    case 'task-done':
      return updateWorker(view, event.slot, (w) => {
        const tasks = upsertTask(w.tasks, {
          index: event.taskIndex,
          state: 'done',
          display: event.display,
        });
        return {
          ...w,
          tasks,
          taskCount: w.taskCount + 1,
          state: tasks.some((t) => t.state === 'running') ? 'running' : 'idle',
        };
      });
    case 'read-progress':
      return updateWorker(view, event.slot, (w) => ({
        ...w,
        read: {
          taskIndex: event.taskIndex,
          rowsRead: event.rowsRead,
          rowsWanted: event.rowsWanted,
        },
      }));
    case 'log':
      return { ...view, log: [...view.log, event.line] };
    case 'memory-sample':
      return { ...view, samples: [...view.samples, event.sample] };
    case 'step':
      return {
        ...view,
        steps: [...view.steps, { step: event.step, point: event.point }].slice(-SHOWN_STEPS),
        holding: true,
      };
    case 'run-finished':
      return finishRun(view, event.report);
  }
  return view;
}

/** Marks each worker done, or in error for the one that raised or died. */
function finishRun(view: RunView, report: RunReport): RunView {
  const failedPid = report.error?.workerPid ?? null;
  const workers = view.workers.map((worker): WorkerView => {
    if (worker.pid === failedPid) {
      const failedTask = report.error?.taskIndex;
      const tasks =
        failedTask === null || failedTask === undefined
          ? worker.tasks
          : upsertTask(worker.tasks, { index: failedTask, state: 'error', display: null });
      return { ...worker, state: 'error', tasks };
    }
    const received = report.workers.find((w) => w.pid === worker.pid)?.received ?? worker.received;
    return {
      ...worker,
      received,
      state: 'done',
      tasks: worker.tasks.filter((t) => t.state !== 'running'),
    };
  });
  const cancelled = report.error?.name === 'CancelledError';
  return {
    ...view,
    status: cancelled ? 'cancelled' : 'finished',
    phase: 'finished',
    holding: false,
    workers,
    report,
    log: report.log.length ? report.log : view.log,
    // The report's timeline is complete; the live samples may have been thinned for a slow connection.
    samples: report.timeline.length ? report.timeline : view.samples,
  };
}
