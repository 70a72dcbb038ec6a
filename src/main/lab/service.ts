/**
 * The lab as the UI sees it: one handler per command of the API map in
 * src/shared/api.ts, and the run events pushed to whoever listens. The
 * Electron IPC handlers and the browser host's WebSocket bridge both hand
 * every message to `handle`, which checks it before anything runs, so both
 * hosts accept and refuse exactly the same requests.
 */
import { z } from 'zod/mini';
import {
  LAB_COMMANDS,
  isLabCommand,
  type CommandResult,
  type ErrorDetail,
  type HostInfo,
  type LabCommand,
  type LabCommands,
  type LessonInfo,
  type RunEvent,
} from '../../shared/api';
import { LESSONS, LESSON_IDS } from '../../shared/lessons';
import { DEFAULT_PARAMS, LIMITS, ParamError, maxRowsFor } from '../../shared/params';
import { SETTINGS_ALLOWED, settingsSchema, type Settings } from '../../shared/settings';
import type { Lab } from './lab';
import { SettingsStore, type Screen } from './settings-store';

/** The lessons without the code that builds task arguments (a function does not cross a process boundary). */
export function lessonInfos(): LessonInfo[] {
  return LESSON_IDS.map((id) => {
    const { taskArgs: _taskArgs, ...lesson } = LESSONS[id];
    return { ...lesson, maxRows: maxRowsFor(id) };
  });
}

/**
 * One window or tab talking to the lab: it receives the events of the runs
 * it started, and a watcher (a second screen) those of every run.
 */
export interface LabClient {
  send(event: RunEvent): void;
  /** A watcher: it sees every run and may not start or cancel one. */
  readonly readOnly?: boolean;
}

/** A command that would change something, from a read-only watcher. */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';
  readonly detail = { code: 'read-only' } as const;
  constructor(command: string) {
    super(
      `This screen only watches the lab's runs: it cannot ${command}. Open the lab's address without "watch" to run lessons.`,
    );
  }
}

/** A cancel from a client that did not start the run in progress. */
export class NotYourRunError extends Error {
  override name = 'NotYourRunError';
  readonly detail = { code: 'not-owner' } as const;
  constructor() {
    super('The run in progress was started from another window: only that window can cancel it.');
  }
}

/** The worker to kill, by its pid. */
const killRequestSchema = z.strictObject({ pid: z.int() });

/** Which settings a client reads and writes: a watching screen keeps its own. */
const screenOf = (client: LabClient): Screen => (client.readOnly ? 'watch' : 'main');

/** The commands a watcher may not send. */
const CHANGING_COMMANDS = new Set<LabCommand>([
  'run',
  'run-stepwise',
  'step',
  'restart-workers',
  'compare',
  'cancel',
  'kill-worker',
]);

export class LabService {
  private readonly watchers = new Set<LabClient>();
  /** The client whose run is in progress. */
  private owner: LabClient | null = null;

  /** @param settings where the screens' settings are remembered (in memory unless given a folder) */
  constructor(
    private readonly lab: Lab,
    private readonly settings = new SettingsStore(null),
  ) {}

  /** A client that joins: a watcher starts receiving every run's events. Returns what to call when it leaves. */
  connect(client: LabClient): () => void {
    if (client.readOnly) this.watchers.add(client);
    return () => {
      this.watchers.delete(client);
      // Nobody is left to see the run or to cancel it.
      if (this.owner === client) this.lab.cancel();
    };
  }

  /** Sends a run's event to the client that started it and to every watcher. */
  private emitter(client: LabClient): (event: RunEvent) => void {
    return (event) => {
      client.send(event);
      for (const watcher of this.watchers) if (watcher !== client) watcher.send(event);
    };
  }

  /** Kills a worker of `client`'s own run. */
  private killWorker(request: unknown, client: LabClient): { killed: boolean } {
    if (this.owner && this.owner !== client) throw new NotYourRunError();
    const pid = killRequestSchema.safeParse(request);
    if (!pid.success)
      throw new ParamError(
        'kill-worker request',
        request,
        '{"pid": the pid of a worker of this run}',
      );
    return { killed: this.lab.killWorker(pid.data.pid) };
  }

  /** Remembers a change to `client`'s screen's settings. */
  private saveSettings(request: unknown, client: LabClient): Promise<Settings> {
    const change = settingsSchema.safeParse(request);
    if (!change.success) throw new ParamError('settings', request, SETTINGS_ALLOWED);
    return this.settings.save(screenOf(client), change.data);
  }

  /** Runs `work` as `client`'s run: the lab refuses a second one, so the owner is set only while it runs. */
  private async owned<T>(client: LabClient, work: () => Promise<T>): Promise<T> {
    if (this.lab.busy) return work();
    this.owner = client;
    try {
      return await work();
    } finally {
      if (this.owner === client) this.owner = null;
    }
  }

  hostInfo(): HostInfo {
    return {
      pid: process.pid,
      backend: this.lab.backendName,
      platform: process.platform,
      ussAvailable: process.platform === 'linux',
      limits: {
        nJobs: { ...LIMITS.nJobs },
        tasks: { ...LIMITS.tasks },
        batchSize: { ...LIMITS.batchSize },
        timeout: { ...LIMITS.timeout },
      },
      defaults: { ...DEFAULT_PARAMS },
      readOnly: false,
    };
  }

  /**
   * Runs one command from an untrusted sender. Never throws: a bad command or
   * request comes back as `{ ok: false, error }` that says what was wrong.
   */
  async handle(
    command: unknown,
    request: unknown,
    client: LabClient,
  ): Promise<CommandResult<unknown>> {
    try {
      if (!isLabCommand(command)) throw new ParamError('command', command, LAB_COMMANDS.join(', '));
      if (client.readOnly && CHANGING_COMMANDS.has(command)) throw new ReadOnlyError(command);
      return { ok: true, response: await this.dispatch(command, request, client) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const detail = (e as { detail?: ErrorDetail }).detail;
      return {
        ok: false,
        error: { name: e.name, message: e.message, ...(detail ? { detail } : {}) },
      };
    }
  }

  private async dispatch<K extends LabCommand>(
    command: K,
    request: unknown,
    client: LabClient,
  ): Promise<LabCommands[K]['response']> {
    const noRequest = (): void => {
      if (request !== null && request !== undefined)
        throw new ParamError(`${command} request`, request, 'nothing (null)');
    };
    switch (command) {
      case 'lessons':
        noRequest();
        return lessonInfos() as LabCommands[K]['response'];
      case 'host-info':
        noRequest();
        return {
          ...this.hostInfo(),
          readOnly: client.readOnly === true,
        } as LabCommands[K]['response'];
      case 'kill-worker':
        return this.killWorker(request, client) as LabCommands[K]['response'];
      case 'settings':
        noRequest();
        return (await this.settings.get(screenOf(client))) as LabCommands[K]['response'];
      case 'save-settings':
        return (await this.saveSettings(request, client)) as LabCommands[K]['response'];
      case 'cancel':
        noRequest();
        if (this.owner && this.owner !== client) throw new NotYourRunError();
        return { cancelled: this.lab.cancel() } as LabCommands[K]['response'];
      case 'compare':
        return (await this.owned(client, () =>
          this.lab.compare(request, { announceStarts: true, onEvent: this.emitter(client) }),
        )) as LabCommands[K]['response'];
      case 'run':
      case 'run-stepwise':
        // The lab parses the request (validateRunParams), once, before anything starts.
        return (await this.owned(client, () =>
          this.lab.run(request, {
            announceStarts: true,
            stepwise: command === 'run-stepwise',
            onEvent: this.emitter(client),
          }),
        )) as LabCommands[K]['response'];
      case 'restart-workers':
        noRequest();
        await this.lab.restartWorkers();
        return { restarted: true } as LabCommands[K]['response'];
      case 'step':
        noRequest();
        if (this.owner && this.owner !== client) throw new NotYourRunError();
        return { stepped: this.lab.step() } as LabCommands[K]['response'];
      default:
        throw new ParamError('command', command, LAB_COMMANDS.join(', '));
    }
  }
}
