/**
 * The Electron preload: exposes `window.lab` (the API map of src/shared/api.ts)
 * over IPC, and nothing else. It runs sandboxed, so it uses only electron's
 * renderer modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_PREFIX,
  unwrapCommandResult,
  type CommandResult,
  type LabApi,
  type LabCommand,
  type LabCommands,
  type LabEvents,
} from '../shared/api';

const lab: LabApi = {
  async invoke<K extends LabCommand>(command: K, request: LabCommands[K]['request']) {
    const result = (await ipcRenderer.invoke(`${IPC_PREFIX}${command}`, request)) as CommandResult<
      LabCommands[K]['response']
    >;
    return unwrapCommandResult(result);
  },
  on<K extends keyof LabEvents>(_event: K, listener: (payload: LabEvents[K]) => void) {
    const handler = (_ipcEvent: IpcRendererEvent, payload: LabEvents[K]): void => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('lab', lab);
