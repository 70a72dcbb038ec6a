/**
 * The renderer's API, declared once as schemas: every command's request and
 * response, the run events, the envelope a result travels in, and the
 * browser host's WebSocket messages. The preload implements it over Electron
 * IPC, the browser host's client over a WebSocket; both hosts dispatch the
 * same commands to the same lab service, which parses every request, and the
 * renderer parses every answer and event (see renderer/src/lab-client.ts).
 * The TypeScript types are inferred from the schemas.
 */
import { z } from 'zod/mini';
import { errorDetailSchema, type ErrorDetail } from './error-detail';
import { lessonSchema } from './lessons';
import { globalSummarySchema, memorySampleSchema } from './memory';
import { runParamsSchema, type CompareRequest, type RunRequest } from './params';
import { compareOutcomeSchema, runPhaseSchema, runReportSchema } from './report';
import { settingsSchema, type Settings } from './settings';
import { stepPointSchema } from './step-points';
import type { MenuAction } from './menu-actions';

export type { ErrorDetail } from './error-detail';
export type { RunPhase } from './report';

/** What the UI needs to show a lesson: its definition without the code that builds task arguments (a function does not cross a process boundary). */
export const lessonInfoSchema = z.extend(lessonSchema, {
  /** The largest row count this lesson accepts. */
  maxRows: z.number(),
});
export type LessonInfo = z.infer<typeof lessonInfoSchema>;

const rangeSchema = z.strictObject({ min: z.number(), max: z.number() });

export const hostInfoSchema = z.strictObject({
  /** Pid of the process that holds the parent's globals (Electron main, or the browser host). */
  pid: z.number(),
  /** `UtilityProcessBackend` in Electron, `ChildProcessBackend` elsewhere. */
  backend: z.string(),
  platform: z.string(),
  /** Whether USS and PSS can be measured on this OS (Linux only). */
  ussAvailable: z.boolean(),
  limits: z.strictObject({
    nJobs: rangeSchema,
    tasks: rangeSchema,
    batchSize: rangeSchema,
    timeout: rangeSchema,
  }),
  defaults: z.omit(runParamsSchema, { experiment: true }),
  /** True for a screen that only watches the runs started elsewhere (the browser host's `watch` mode). */
  readOnly: z.boolean(),
});
export type HostInfo = z.infer<typeof hostInfoSchema>;

const worker = { slot: z.number(), pid: z.number() };

const logEvent = z.strictObject({ type: z.literal('log'), line: z.string() });
const workersReadyEvent = z.strictObject({
  type: z.literal('workers-ready'),
  workers: z.array(z.strictObject(worker)),
  startMs: z.number(),
});
const installedEvent = z.strictObject({
  type: z.literal('installed'),
  ...worker,
  received: z.array(globalSummarySchema),
});
const taskStartedEvent = z.strictObject({
  type: z.literal('task-started'),
  taskIndex: z.number(),
  ...worker,
});
const taskDoneEvent = z.strictObject({
  type: z.literal('task-done'),
  taskIndex: z.number(),
  ...worker,
  value: z.unknown(),
  /** The value as Python prints it. */
  display: z.string(),
});
const readProgressEvent = z.strictObject({
  type: z.literal('read-progress'),
  taskIndex: z.number(),
  ...worker,
  rowsRead: z.number(),
  rowsWanted: z.number(),
});

/** What happens during a run, as the worker pool reports it. */
export const parallelEventSchema = z.discriminatedUnion('type', [
  logEvent,
  workersReadyEvent,
  installedEvent,
  taskStartedEvent,
  taskDoneEvent,
  readProgressEvent,
]);
export type ParallelEvent = z.infer<typeof parallelEventSchema>;

const runId = { runId: z.number() };

/** Every event of a run, tagged with its run id. */
export const runEventSchema = z.discriminatedUnion('type', [
  z.extend(logEvent, runId),
  z.extend(workersReadyEvent, runId),
  z.extend(installedEvent, runId),
  z.extend(taskStartedEvent, runId),
  z.extend(taskDoneEvent, runId),
  z.extend(readProgressEvent, runId),
  z.strictObject({
    ...runId,
    type: z.literal('run-started'),
    params: runParamsSchema,
    mainPid: z.number(),
    mainGlobals: z.array(globalSummarySchema),
  }),
  z.strictObject({ ...runId, type: z.literal('phase'), phase: runPhaseSchema }),
  z.strictObject({
    ...runId,
    type: z.literal('excel-progress'),
    rowsWritten: z.number(),
    totalRows: z.number(),
  }),
  z.strictObject({ ...runId, type: z.literal('memory-sample'), sample: memorySampleSchema }),
  /** A stepwise run holds here until the next Step; `step` counts from 1. */
  z.strictObject({ ...runId, type: z.literal('step'), step: z.int(), point: stepPointSchema }),
  z.strictObject({ ...runId, type: z.literal('run-finished'), report: runReportSchema }),
]);
export type RunEvent = z.infer<typeof runEventSchema>;

/**
 * The response of each command. Requests are parsed where they are handled
 * (the run and compare ones by `validateRunParams` / `validateCompareParams`,
 * which speak to students), the others are `null`.
 */
export const COMMAND_RESPONSES = {
  lessons: z.array(lessonInfoSchema),
  'host-info': hostInfoSchema,
  /** Runs a lesson. Resolves with the report, also when a worker raised. */
  run: runReportSchema,
  /** Runs a lesson one step at a time: it holds at each step point until `step`. */
  'run-stepwise': runReportSchema,
  /** Ends every worker, so the next run starts new ones with fresh module state (refused during a run). */
  'restart-workers': z.strictObject({ restarted: z.literal(true) }),
  /** Lets a stepwise run of this window go on to its next step point. */
  step: z.strictObject({ stepped: z.boolean() }),
  /** Runs full-copy and partial-read at the same rows and workers (and, with `sweep`, at 1 … nJobs workers). */
  compare: compareOutcomeSchema,
  /** Cancels the run in progress, if this window started it. */
  cancel: z.strictObject({ cancelled: z.boolean() }),
  /** Kills a busy worker of this window's run (SIGKILL), as a class watches what the parent does then. */
  'kill-worker': z.strictObject({ killed: z.boolean() }),
  /** What this screen chose last time (language, font size, presenter mode). */
  settings: settingsSchema,
  /** Remembers a change to this screen's settings; answers with all of them. */
  'save-settings': settingsSchema,
} as const;

export type LabCommand = keyof typeof COMMAND_RESPONSES;

/** The commands the renderer can send, with their request and response types. */
export type LabCommands = {
  [K in LabCommand]: {
    request: K extends 'run' | 'run-stepwise'
      ? RunRequest
      : K extends 'compare'
        ? CompareRequest
        : K extends 'save-settings'
          ? Settings
          : K extends 'kill-worker'
            ? { pid: number }
            : null;
    response: z.infer<(typeof COMMAND_RESPONSES)[K]>;
  };
};

export const LAB_COMMANDS = Object.keys(COMMAND_RESPONSES) as readonly LabCommand[];

/** The events the main side pushes to the renderer. */
export interface LabEvents {
  'run-event': RunEvent;
  /** The desktop app's menu (Electron only). */
  menu: MenuAction;
}

/** `window.lab`: the whole surface the renderer may use. */
export interface LabApi {
  invoke<K extends LabCommand>(
    command: K,
    request: LabCommands[K]['request'],
  ): Promise<LabCommands[K]['response']>;
  on<K extends keyof LabEvents>(event: K, listener: (payload: LabEvents[K]) => void): () => void;
}

export { IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, IPC_PREFIX } from './ipc-channels';

/**
 * `window.lab` as the preloads expose it: a pipe that hands over each
 * command's result envelope and each event as they came. The renderer's
 * lab-client parses them with the schemas above and offers `LabApi`.
 */
export interface LabBridge {
  invoke(command: LabCommand, request: unknown): Promise<unknown>;
  on(event: keyof LabEvents, listener: (payload: unknown) => void): () => void;
}

/** The error a command answers with: a name the UI can switch on, a message it can show, and its detail. */
export const commandErrorSchema = z.strictObject({
  name: z.string(),
  message: z.string(),
  detail: z.optional(errorDetailSchema),
});
export type CommandError = z.infer<typeof commandErrorSchema>;

/** An error thrown by `invoke`, with the detail the lab sent. */
export type LabError = Error & { detail?: ErrorDetail };

/** What travels back for every command, over IPC or WebSocket: the response, or the error. */
export type CommandResult<T> = { ok: true; response: T } | { ok: false; error: CommandError };

/** The envelope of a command's result, its response still unparsed. */
export const commandResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), response: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: commandErrorSchema }),
]);

/** Turns a command result back into the response, or throws its error with its name. */
export function unwrapCommandResult(result: unknown): unknown {
  const parsed = commandResultSchema.safeParse(result);
  if (parsed.success && parsed.data.ok) return parsed.data.response;
  const failure = parsed.success && !parsed.data.ok ? parsed.data.error : null;
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

/** A command from a tab to the browser host. */
export const wsCommandSchema = z.strictObject({
  id: z.int(),
  command: z.string(),
  request: z.unknown(),
});

/** What the browser host sends a tab: a command's result, or a run event. */
export const wsServerMessageSchema = z.union([
  z.strictObject({ id: z.nullable(z.int()), result: commandResultSchema }),
  z.strictObject({ event: z.literal('run-event'), payload: z.unknown() }),
]);
