/**
 * The renderer's API, declared once. The preload implements it over Electron
 * IPC, the browser host's client over a WebSocket; both hosts dispatch the
 * same commands to the same lab service. Requests are validated in the main
 * process whatever the renderer claims to send.
 */
import type { ExperimentDefinition, ExperimentId } from './experiments';
import type { GlobalSummary, MemorySample } from './memory';
import type { CompareParams, RunParams } from './params';
import type { CompareOutcome, RunReport } from './report';
import type { ExcelMessageKey, ExcelParams } from './excel-messages';

/** What the UI needs to show a lesson: its definition without the code that builds task arguments (a function does not cross a process boundary). */
export type LessonInfo = Omit<ExperimentDefinition, 'taskArgs'> & {
  /** The largest row count this lesson accepts. */
  maxRows: number;
};

export interface HostInfo {
  /** Pid of the process that holds the parent's globals (Electron main, or the browser host). */
  pid: number;
  /** `UtilityProcessBackend` in Electron, `ChildProcessBackend` elsewhere. */
  backend: string;
  platform: string;
  /** Whether USS and PSS can be measured on this OS (Linux only). */
  ussAvailable: boolean;
  limits: {
    nJobs: { min: number; max: number };
    tasks: { min: number; max: number };
    batchSize: { min: number; max: number };
    timeout: { min: number; max: number };
  };
  defaults: Omit<RunParams, 'experiment'>;
  /** True for a screen that only watches the runs started elsewhere (the browser host's `watch` mode). */
  readOnly: boolean;
}

/** The stages of a run, in order, for the progress display. */
export type RunPhase =
  'preparing-dataset' | 'writing-excel' | 'starting-workers' | 'running' | 'measuring' | 'finished';

/** What happens during a run, as the worker pool reports it. */
export type ParallelEvent =
  | { type: 'log'; line: string }
  | { type: 'workers-ready'; workers: { slot: number; pid: number }[]; startMs: number }
  | { type: 'installed'; slot: number; pid: number; received: GlobalSummary[] }
  | { type: 'task-started'; taskIndex: number; slot: number; pid: number }
  | {
      type: 'task-done';
      taskIndex: number;
      slot: number;
      pid: number;
      value: unknown;
      /** The value as Python prints it. */ display: string;
    }
  | {
      type: 'read-progress';
      taskIndex: number;
      slot: number;
      pid: number;
      rowsRead: number;
      rowsWanted: number;
    };

/** Every event of a run, tagged with its run id. */
export type RunEvent = { runId: number } & (
  | ParallelEvent
  | { type: 'run-started'; params: RunParams; mainPid: number; mainGlobals: GlobalSummary[] }
  | { type: 'phase'; phase: RunPhase }
  | { type: 'excel-progress'; rowsWritten: number; totalRows: number }
  | { type: 'memory-sample'; sample: MemorySample }
  | { type: 'run-finished'; report: RunReport }
);

/** The commands the renderer can send, with their request and response types. */
export interface LabCommands {
  lessons: { request: null; response: LessonInfo[] };
  'host-info': { request: null; response: HostInfo };
  /** Runs a lesson; the request is checked with `validateRunParams`. Resolves with the report, also when a worker raised. */
  run: { request: Partial<RunParams> & { experiment: ExperimentId }; response: RunReport };
  /** Runs full-copy and partial-read at the same rows and workers (and, with `sweep`, at 1 … nJobs workers). */
  compare: { request: Partial<CompareParams>; response: CompareOutcome };
  /** Cancels the run in progress, if any. */
  cancel: { request: null; response: { cancelled: boolean } };
}

export type LabCommand = keyof LabCommands;

export const LAB_COMMANDS: readonly LabCommand[] = [
  'lessons',
  'host-info',
  'run',
  'compare',
  'cancel',
];

/** The events the main side pushes to the renderer. */
export interface LabEvents {
  'run-event': RunEvent;
}

/** `window.lab`: the whole surface the renderer may use. */
export interface LabApi {
  invoke<K extends LabCommand>(
    command: K,
    request: LabCommands[K]['request'],
  ): Promise<LabCommands[K]['response']>;
  on<K extends keyof LabEvents>(event: K, listener: (payload: LabEvents[K]) => void): () => void;
}

/** The IPC channel names of the Electron host (one per command, one for events). */
export const IPC_PREFIX = 'lab:';
export const IPC_EVENT_CHANNEL = 'lab:event';

/**
 * What an error means, as a code with its values, so that the UI can say it
 * in its own language (the message stays English, for the CLI and logs).
 */
export type ErrorDetail =
  | {
      code: 'range';
      field: 'nJobs' | 'tasks' | 'rows' | 'excelRows' | 'verbose' | 'timeout';
      given: string;
      min: number;
      max: number;
    }
  | { code: 'batch-size'; given: string; max: number }
  | {
      code: 'memory-guard';
      experiment: string;
      nJobs: number;
      rows: number;
      peakBytes: number;
      budgetBytes: number;
      availableBytes: number;
      /** The largest rows and workers that would fit; 0 when none would. */
      maxRows: number;
      maxWorkers: number;
    }
  | { code: 'run-in-progress' }
  /** A watcher asked to run or cancel. */
  | { code: 'read-only' }
  /** A cancel from a window that did not start the run. */
  | { code: 'not-owner' }
  /** A task ran past joblib's `timeout` (seconds). */
  | { code: 'task-timeout'; seconds: number }
  /** A busy worker sent nothing for `seconds`; `state` is the kernel's letter (T stopped, R running...) or null. */
  | { code: 'stalled'; state: string | null; seconds: number }
  | {
      code: 'excel';
      key: ExcelMessageKey;
      params: ExcelParams;
      file: string;
      row: number | null;
    };

/** The error a command answers with: a name the UI can switch on, a message it can show, and its detail. */
export interface CommandError {
  name: string;
  message: string;
  detail?: ErrorDetail;
}

/** An error thrown by `invoke`, with the detail the lab sent. */
export type LabError = Error & { detail?: ErrorDetail };

/** What travels back for every command, over IPC or WebSocket: the response, or the error. */
export type CommandResult<T> = { ok: true; response: T } | { ok: false; error: CommandError };

/** Turns a command result back into the response, or throws its error with its name. */
export function unwrapCommandResult<T>(result: CommandResult<T>): T {
  if (result && result.ok === true) return result.response;
  const failure = (result as { error?: CommandError } | null)?.error;
  const error: LabError = new Error(
    failure?.message ?? 'The lab sent an answer this window does not understand.',
  );
  error.name = failure?.name ?? 'ProtocolError';
  if (failure?.detail) error.detail = failure.detail;
  throw error;
}

export function isLabCommand(value: unknown): value is LabCommand {
  return typeof value === 'string' && (LAB_COMMANDS as readonly string[]).includes(value);
}
