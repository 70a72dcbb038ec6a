/**
 * The window's security checklist against a stand-in for electron (which
 * cannot run here): where the page comes from, permissions, navigation in
 * every frame, new windows and the links that may open outside.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const state = vi.hoisted(() => ({
  isPackaged: false,
  permissionRequest: null as null | ((...args: unknown[]) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  loaded: [] as string[],
  opened: [] as string[],
  listeners: new Map<string, (...args: unknown[]) => void>(),
  openHandler: null as null | ((details: { url: string }) => { action: string }),
}));

vi.mock('electron', () => {
  const webContents = {
    on: (event: string, listener: Listener) => state.listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof state.openHandler) => (state.openHandler = handler),
  };
  class BrowserWindow {
    webContents = webContents;
    once(): void {}
    loadURL(url: string): Promise<void> {
      state.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
    },
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) =>
          (state.permissionCheck = handler),
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
    shell: { openExternal: (url: string) => void state.opened.push(url) },
    protocol: {},
  };
});

const { createAppWindow, pageUrl } = await import('./window');
const { APP_PAGE } = await import('./app-protocol');
const { EXTERNAL_LINKS } = await import('../../shared/external-links');

const DEV = 'http://localhost:5173/';

beforeEach(() => {
  state.loaded = [];
  state.opened = [];
  state.listeners.clear();
  state.isPackaged = false;
});
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

/** Fires a navigation event and says whether the window let it happen. */
function navigate(event: string, url: string): boolean {
  const preventDefault = vi.fn();
  const listener = state.listeners.get(event);
  if (!listener) throw new Error(`no ${event} guard`);
  if (event === 'will-frame-navigate') listener({ preventDefault, url });
  else listener({ preventDefault }, url);
  return preventDefault.mock.calls.length === 0;
}

describe('where the page comes from', () => {
  it('is app:// unless a dev server is named, and a packaged app ignores the environment', () => {
    expect(pageUrl()).toBe(APP_PAGE);
    process.env.ELECTRON_RENDERER_URL = DEV;
    expect(pageUrl()).toBe(DEV);
    state.isPackaged = true;
    expect(pageUrl()).toBe(APP_PAGE);
    createAppWindow();
    expect(state.loaded).toEqual([APP_PAGE]);
  });
});

describe('the window', () => {
  it('denies every permission request and check', () => {
    createAppWindow();
    const callback = vi.fn();
    state.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.permissionCheck?.({}, 'notifications', 'app://lab', {})).toBe(false);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s: stays on the app’s pages, in every frame',
    (event) => {
      const { isAppUrl } = createAppWindow();
      expect(navigate(event, 'app://lab/index.html#compare')).toBe(true);
      expect(navigate(event, 'https://example.com/')).toBe(false);
      expect(navigate(event, 'app://lab.evil/index.html')).toBe(false);
      expect(navigate(event, 'file:///etc/passwd')).toBe(false);
      expect(isAppUrl('app://lab/assets/index.js')).toBe(true);
      expect(isAppUrl('app://lab')).toBe(false);
    },
  );

  it('refuses webviews', () => {
    createAppWindow();
    expect(navigate('will-attach-webview', '')).toBe(false);
  });

  it('opens no window, and only the app’s own references in the browser', () => {
    createAppWindow();
    const allowed = EXTERNAL_LINKS[0] as string;
    for (const url of [
      allowed,
      `${allowed}#parameters`,
      'https://example.com/',
      'file:///etc/passwd',
    ])
      expect(state.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual([allowed, `${allowed}#parameters`]);
  });

  it('with a dev server, its pages are the app’s and app:// is not', () => {
    process.env.ELECTRON_RENDERER_URL = DEV;
    const { isAppUrl } = createAppWindow();
    expect(isAppUrl(`${DEV}index.html`)).toBe(true);
    expect(isAppUrl(APP_PAGE)).toBe(false);
    expect(isAppUrl('http://localhost:5174/')).toBe(false);
  });
});
