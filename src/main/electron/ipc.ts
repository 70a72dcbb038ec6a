/**
 * All IPC of the desktop app, through one wrapper that checks the sender: a
 * message is handled only when it comes from the app's own window and from the
 * page the app loaded. The request itself is then checked by the lab service.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX, LAB_COMMANDS, type CommandResult } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import type { LabClient, LabService } from '../lab/service';

export interface IpcOptions {
  service: LabService;
  /** The window's contents: the only sender the app answers. */
  contents: () => WebContents | null;
  /** Whether a frame URL is the app's own page (app:// of the build, or the dev server). */
  isAppUrl: (url: string) => boolean;
  /** Told of the settings after the page saved them (the menu follows the page's language). */
  onSettings?: (settings: Settings) => void;
}

/** Why a sender is refused, or null when it may talk to the lab. */
export function senderProblem(
  event: IpcMainInvokeEvent,
  options: Pick<IpcOptions, 'contents' | 'isAppUrl'>,
): string | null {
  const contents = options.contents();
  if (!contents || event.sender !== contents) return 'the message did not come from the app window';
  const url = event.senderFrame?.url ?? '';
  if (!options.isAppUrl(url))
    return `the message came from a page the app did not load (${url || 'unknown'})`;
  return null;
}

/** Registers one handler per command and forwards run events to the window. Returns the cleanup. */
export function setupIpc(options: IpcOptions): () => void {
  // The app has one window: the one client of the lab.
  const window: LabClient = {
    send: (event) => {
      const contents = options.contents();
      if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
    },
  };
  const disconnect = options.service.connect(window);
  for (const command of LAB_COMMANDS) {
    ipcMain.handle(
      `${IPC_PREFIX}${command}`,
      async (event, request: unknown): Promise<CommandResult<unknown>> => {
        const problem = senderProblem(event, options);
        if (problem)
          return { ok: false, error: { name: 'ForbiddenSender', message: `Refused: ${problem}.` } };
        const result = await options.service.handle(command, request, window);
        if (command === 'save-settings' && result.ok)
          options.onSettings?.(result.response as Settings);
        return result;
      },
    );
  }
  return () => {
    disconnect();
    for (const command of LAB_COMMANDS) ipcMain.removeHandler(`${IPC_PREFIX}${command}`);
  };
}
