/**
 * The app's one window: sandboxed, context-isolated, no Node in the page, its
 * page served from app:// with the CSP, no navigation or redirect away from
 * the app in any frame, no new windows, no webviews, no permissions, and
 * only the app's own references opened outside.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session, shell, type Event, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { isAllowedExternalLink } from '../../shared/external-links';
import { APP_ORIGIN, APP_PAGE } from './app-protocol';
import type { WindowState } from './window-state';

export interface AppWindow {
  window: BrowserWindow;
  /** Whether a URL is a page of the app (for the IPC sender check). */
  isAppUrl: (url: string) => boolean;
}

/**
 * Where the page comes from: electron-vite's dev server while developing,
 * app:// otherwise. A packaged app never trusts the environment for it: an
 * ELECTRON_RENDERER_URL set on a classroom machine must not load another page
 * with the lab's API.
 */
export function pageUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return devServer && !app.isPackaged ? devServer : APP_PAGE;
}

/** Denies every permission a page may ask for or check (camera, notifications, HID...). */
function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Also on the dev server's responses, which do not come through app://.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Keeps every frame of the window on the app's pages, and out of new windows and webviews. */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const stayInApp = (event: Event, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayInApp(event, url));
  contents.on('will-redirect', (event, url) => stayInApp(event, url));
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The app's own references open in the user's browser; nothing opens in the app.
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * @param icon the window's icon (Linux and Windows; macOS takes the bundle's)
 * @param state the size and place it had last time, when a screen still shows it
 */
export function createAppWindow({
  icon,
  state,
}: { icon?: string; state?: WindowState | null } = {}): AppWindow {
  const page = pageUrl();
  // Node gives app:// no origin of its own ('null'), so the app's pages are told by their prefix.
  const base = `${page === APP_PAGE ? APP_ORIGIN : new URL(page).origin}/`;
  const isAppUrl = (url: string): boolean => url.startsWith(base);

  const window = new BrowserWindow({
    width: state?.width ?? 1280,
    height: state?.height ?? 800,
    ...(state ? { x: state.x, y: state.y } : {}),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Isolation Lab',
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  denyPermissions();
  guardNavigation(window.webContents, isAppUrl);
  window.once('ready-to-show', () => {
    if (state?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(page);
  return { window, isAppUrl };
}

/**
 * The lessons' guide (guide.html, beside the app's page): a window of its
 * own, as locked down as the app's, with no preload: it is a document.
 */
export function createGuideWindow({ icon }: { icon?: string } = {}): BrowserWindow {
  const page = new URL('guide.html', pageUrl()).href;
  const base = `${page.startsWith(APP_ORIGIN) ? APP_ORIGIN : new URL(page).origin}/`;
  const guide = new BrowserWindow({
    width: 900,
    height: 760,
    title: 'Isolation Lab',
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      spellcheck: false,
    },
  });
  guardNavigation(guide.webContents, (url) => url.startsWith(base));
  void guide.loadURL(page);
  return guide;
}
