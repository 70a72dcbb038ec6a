/**
 * The app's one window: sandboxed, context-isolated, no Node in the page, no
 * navigation away from the app, no new windows, no permissions, and a strict
 * Content-Security-Policy on everything it loads.
 */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The policy of the app's page: its own scripts and styles only, nothing remote. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface AppWindow {
  window: BrowserWindow;
  /** Whether a URL is a page of the app (for the IPC sender check). */
  isAppUrl: (url: string) => boolean;
}

export function createAppWindow(): AppWindow {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  const rendererFile = join(__dirname, '../renderer/index.html');
  const appOrigin = devServer ? new URL(devServer).origin : null;
  const appFileUrl = pathToFileURL(rendererFile).href;
  const isAppUrl = (url: string): boolean =>
    appOrigin ? url.startsWith(`${appOrigin}/`) : url.split(/[?#]/)[0] === appFileUrl;

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Isolation Lab',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the user's browser, never in the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());

  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(rendererFile);
  return { window, isAppUrl };
}
