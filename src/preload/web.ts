/**
 * The browser host's counterpart of the Electron preload: defines
 * `window.lab` (the same API map) over a WebSocket to the browser host, before
 * the renderer starts. The token comes from the page's URL and goes with the
 * connection; the host refuses a connection without it. With `watch=1` in
 * the address the tab is a read-only second screen.
 */
import {
  unwrapCommandResult,
  type CommandResult,
  type LabApi,
  type LabCommand,
  type LabCommands,
  type LabEvents,
} from '../shared/api';

/** A message from the browser host: a command's answer, or a pushed event. */
type ServerMessage =
  | { id: number; result: CommandResult<unknown> }
  | { event: keyof LabEvents; payload: LabEvents[keyof LabEvents] };

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

function connect(): LabApi {
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
  const pending = new Map<number, { resolve: (result: CommandResult<unknown>) => void }>();
  const listeners = new Set<(payload: LabEvents[keyof LabEvents]) => void>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    let data: ServerMessage;
    try {
      data = JSON.parse(String(message.data)) as ServerMessage;
    } catch {
      return;
    }
    if ('id' in data) {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else if (data.event === 'run-event') {
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
    async invoke<K extends LabCommand>(command: K, request: LabCommands[K]['request']) {
      await opened;
      if (socket.readyState !== WebSocket.OPEN) {
        throw Object.assign(
          new Error('Lost the connection to the lab: the browser host stopped.'),
          { name: 'ConnectionLost' },
        );
      }
      const id = nextId++;
      const result = await new Promise<CommandResult<unknown>>((resolve) => {
        pending.set(id, { resolve });
        socket.send(JSON.stringify({ id, command, request }));
      });
      return unwrapCommandResult(result as CommandResult<LabCommands[K]['response']>);
    },
    on<K extends keyof LabEvents>(_event: K, listener: (payload: LabEvents[K]) => void) {
      const wrapped = listener as (payload: LabEvents[keyof LabEvents]) => void;
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
  };
}

// In Electron the preload has defined it already.
if (!Object.prototype.hasOwnProperty.call(window, 'lab')) window.lab = connect();
