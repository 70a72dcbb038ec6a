/**
 * The Electron main process: one window, the IPC handlers, and the lab on
 * utilityProcess workers. Everything else lives in src/main/lab and runs the
 * same under the browser host and the CLI.
 */
import { app, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PARAMS } from '../../shared/params';
import { Lab } from '../lab/lab';
import { LabService } from '../lab/service';
import { SettingsStore } from '../lab/settings-store';
import { electronMemorySource } from './app-metrics';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { setupIpc } from './ipc';
import { UtilityProcessLauncher } from './utility-process-launcher';
import { createAppWindow } from './window';
import { unpackedPath } from './packaged-paths';
import icon from '../../../resources/icon.png?asset';
import { builtWorker } from '../lab/launcher';

if (!app.requestSingleInstanceLock()) app.quit();
// Privileged schemes must be declared before the app is ready.
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let lab: Lab | null = null;

function setupLab(): LabService {
  const dataDir = join(app.getPath('userData'), 'lab-data');
  mkdirSync(dataDir, { recursive: true });
  lab = new Lab({
    launcher: new UtilityProcessLauncher(unpackedPath(builtWorker(__dirname))),
    dataDir,
    memorySource: electronMemorySource(),
  });
  lab.prestart(DEFAULT_PARAMS.nJobs);
  return new LabService(lab, new SettingsStore(app.getPath('userData')));
}

function setupQuit(): void {
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !lab) return;
    // Close the pool first (wait, then kill): no worker outlives the app.
    event.preventDefault();
    closing = true;
    void lab.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

void app.whenReady().then(() => {
  handleAppProtocol(join(__dirname, '../renderer'));
  const service = setupLab();
  const appWindow = createAppWindow({ icon: unpackedPath(icon) });
  mainWindow = appWindow.window;
  setupIpc({
    service,
    contents: () => mainWindow?.webContents ?? null,
    isAppUrl: appWindow.isAppUrl,
  });
  setupQuit();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
});
