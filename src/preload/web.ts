/**
 * The browser host's counterpart of the Electron preload: defines
 * `window.lab` (the same bridge) over a WebSocket to the browser host, before
 * the renderer starts. It checks the envelope of what the host sends; the
 * renderer parses what is inside. The token comes from the page's URL and goes with the
 * connection; the host refuses a connection without it. With `watch=1` in
 * the address the tab is a read-only second screen.
 */
import { wsServerMessageSchema, type LabBridge } from '../shared/api';

/** Where the tab keeps the token once it is out of the address bar. */
const TOKEN_KEY = 'isolation-lab-token';

/**
 * The lab's token: from the address the lab printed, then kept for this tab
 * only (sessionStorage) and removed from the address bar, so that it is not
 * in the history, a bookmark or a screenshot of the projector. A reload of
 * the tab finds it again.
 */
function takeToken(): string | null {
  const address = new URL(window.location.href);
  const fromAddress = address.searchParams.get('token');
  if (fromAddress) {
    window.sessionStorage.setItem(TOKEN_KEY, fromAddress);
    address.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', address.href);
    return fromAddress;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

function connect(): LabBridge {
  const token = takeToken();
  const watch = new URLSearchParams(window.location.search).get('watch') === '1';
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/lab?token=${encodeURIComponent(token ?? '')}${watch ? '&watch=1' : ''}`;
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener(
      'error',
      () =>
        reject(
          new Error(
            token
              ? 'Could not connect to the lab. Is the browser host still running?'
              : 'This page needs the lab’s token: open the address the lab printed (…/?token=…).',
          ),
        ),
      { once: true },
    );
  });
  opened.catch(() => undefined);
  const pending = new Map<number, { resolve: (result: unknown) => void }>();
  const listeners = new Set<(payload: unknown) => void>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    let json: unknown;
    try {
      json = JSON.parse(String(message.data));
    } catch {
      return;
    }
    // The envelope is checked here; the renderer checks what is inside it.
    const parsed = wsServerMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const data = parsed.data;
    if ('result' in data) {
      if (data.id === null) return;
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else {
      for (const listener of listeners) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const { resolve } of pending.values()) {
      resolve({
        ok: false,
        error: {
          name: 'ConnectionLost',
          message: 'Lost the connection to the lab: the browser host stopped.',
        },
      });
    }
    pending.clear();
  });

  return {
    async invoke(command, request) {
      await opened;
      if (socket.readyState !== WebSocket.OPEN) {
        throw Object.assign(
          new Error('Lost the connection to the lab: the browser host stopped.'),
          { name: 'ConnectionLost' },
        );
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        socket.send(JSON.stringify({ id, command, request }));
      });
    },
    on(event, listener) {
      // The browser host has no menu: only run events come over the WebSocket.
      if (event !== 'run-event') return () => undefined;
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

// In Electron the preload has defined it already.
if (!Object.prototype.hasOwnProperty.call(window, 'lab')) window.lab = connect();
