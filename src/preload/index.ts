/**
 * The Electron preload: exposes `window.lab` (the bridge of src/shared/api.ts)
 * over IPC, and nothing else. It runs sandboxed, so it uses only electron's
 * renderer modules and bundles no library: it passes results and events on
 * as they came, and the renderer parses them with the shared schemas.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LabBridge } from '../shared/api';
import { IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, IPC_PREFIX } from '../shared/ipc-channels';

const lab: LabBridge = {
  invoke: (command, request) => ipcRenderer.invoke(`${IPC_PREFIX}${command}`, request),
  on(event, listener) {
    const channel = event === 'menu' ? IPC_MENU_CHANNEL : IPC_EVENT_CHANNEL;
    const handler = (_ipcEvent: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('lab', lab);
