/**
 * The Electron main process: one window (its place remembered), the menu,
 * the IPC handlers, and the lab on utilityProcess workers. Everything else lives in src/main/lab and runs the
 * same under the browser host and the CLI.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, screen, type BrowserWindow } from 'electron';
import { IPC_MENU_CHANNEL } from '../../shared/ipc-channels';
import type { MenuAction } from '../../shared/menu-actions';
import { DEFAULT_PARAMS } from '../../shared/params';
import { Lab } from '../lab/lab';
import { LabService } from '../lab/service';
import { SettingsStore } from '../lab/settings-store';
import icon from '../../../resources/icon.png?asset';
import { builtWorker } from '../lab/launcher';
import { electronMemorySource } from './app-metrics';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { setupIpc } from './ipc';
import { UtilityProcessLauncher } from './utility-process-launcher';
import { aboutText, setupMenu, type MenuLanguage } from './menu';
import { createAppWindow, createGuideWindow } from './window';
import { readWindowState, rememberWindowState, usableState } from './window-state';
import { unpackedPath } from './packaged-paths';

if (!app.requestSingleInstanceLock()) app.quit();
// Privileged schemes must be declared before the app is ready.
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let lab: Lab | null = null;

const settings = (): SettingsStore =>
  (settingsStore ??= new SettingsStore(app.getPath('userData')));
let settingsStore: SettingsStore | null = null;

function setupLab(): LabService {
  const dataDir = join(app.getPath('userData'), 'lab-data');
  mkdirSync(dataDir, { recursive: true });
  lab = new Lab({
    launcher: new UtilityProcessLauncher(unpackedPath(builtWorker(__dirname))),
    dataDir,
    memorySource: electronMemorySource(),
  });
  lab.prestart(DEFAULT_PARAMS.nJobs);
  return new LabService(lab, settings());
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

/** The menu, in the page's language, rebuilt when the page changes it. */
async function setupAppMenu(): Promise<(language: MenuLanguage) => void> {
  const handlers = {
    send: (action: MenuAction) => mainWindow?.webContents.send(IPC_MENU_CHANNEL, action),
    openGuide: () => createGuideWindow({ icon: unpackedPath(icon) }),
    showAbout: () => {
      const text = aboutText({
        lab: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
      });
      const options = { type: 'info' as const, title: 'Isolation Lab', ...text };
      void (mainWindow
        ? dialog.showMessageBox(mainWindow, options)
        : dialog.showMessageBox(options));
    },
  };
  const saved = (await settings().get('main')).language;
  setupMenu(saved ?? (app.getLocale().startsWith('es') ? 'es' : 'en'), handlers);
  return (language) => setupMenu(language, handlers);
}

void app.whenReady().then(async () => {
  handleAppProtocol(join(__dirname, '../renderer'));
  const service = setupLab();
  const folder = app.getPath('userData');
  const appWindow = createAppWindow({
    icon: unpackedPath(icon),
    state: usableState(
      readWindowState(folder),
      screen.getAllDisplays().map((d) => d.workArea),
    ),
  });
  mainWindow = appWindow.window;
  rememberWindowState(appWindow.window, folder);
  const onLanguage = await setupAppMenu();
  setupIpc({
    service,
    contents: () => mainWindow?.webContents ?? null,
    isAppUrl: appWindow.isAppUrl,
    onSettings: (saved) => saved.language && onLanguage(saved.language),
  });
  setupQuit();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
});
