/**
 * The lab as the UI sees it: one handler per command of the API map in
 * src/shared/api.ts, and the run events pushed to whoever listens. The
 * Electron IPC handlers and the browser host's WebSocket bridge both hand
 * every message to `handle`, which checks it before anything runs, so both
 * hosts accept and refuse exactly the same requests.
 */
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
import { EXPERIMENTS, EXPERIMENT_IDS } from '../../shared/experiments';
import {
  DEFAULT_PARAMS,
  LIMITS,
  ParamError,
  maxRowsFor,
  validateRunParams,
} from '../../shared/params';
import type { Lab } from './lab';

/** The lessons without the code that builds task arguments (a function does not cross a process boundary). */
export function lessonInfos(): LessonInfo[] {
  return EXPERIMENT_IDS.map((id) => {
    const { taskArgs: _taskArgs, ...lesson } = EXPERIMENTS[id];
    return { ...lesson, maxRows: maxRowsFor(id) };
  });
}

export class LabService {
  private readonly listeners = new Set<(event: RunEvent) => void>();

  constructor(private readonly lab: Lab) {}

  /** Subscribes to run events; returns the unsubscribe function. */
  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    };
  }

  /**
   * Runs one command from an untrusted sender. Never throws: a bad command or
   * request comes back as `{ ok: false, error }` that says what was wrong.
   */
  async handle(command: unknown, request: unknown): Promise<CommandResult<unknown>> {
    try {
      if (!isLabCommand(command)) throw new ParamError('command', command, LAB_COMMANDS.join(', '));
      return { ok: true, response: await this.dispatch(command, request) };
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
        return this.hostInfo() as LabCommands[K]['response'];
      case 'cancel':
        noRequest();
        return { cancelled: this.lab.cancel() } as LabCommands[K]['response'];
      case 'compare': {
        const report = await this.lab.compare(request, {
          announceStarts: true,
          onEvent: (event) => {
            for (const listener of this.listeners) listener(event);
          },
        });
        return report as LabCommands[K]['response'];
      }
      case 'run': {
        const params = validateRunParams(request);
        const report = await this.lab.run(params, {
          announceStarts: true,
          onEvent: (event) => {
            for (const listener of this.listeners) listener(event);
          },
        });
        return report as LabCommands[K]['response'];
      }
      default:
        throw new ParamError('command', command, LAB_COMMANDS.join(', '));
    }
  }
}
