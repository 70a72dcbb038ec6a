/**
 * The worker's line to its parent. The same worker file runs under Electron's
 * utilityProcess (which gives it `process.parentPort`) and under Node's
 * `child_process.fork` (which gives it `process.send`); this picks whichever
 * is there when the worker starts.
 */
import type { WorkerToMain } from '../shared/worker-protocol';

/** The part of Electron's `process.parentPort` the worker uses (typed here: the worker never imports electron). */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export interface ParentLink {
  send(message: WorkerToMain): void;
  onMessage(listener: (message: unknown) => void): void;
  /** When the worker last sent anything (performance.now()), for the heartbeat. */
  readonly lastSent: number;
}

/** How often a worker checks that its parent is still there. */
const PARENT_CHECK_MS = 1_000;

/**
 * Exits when the parent is gone: its pid no longer is the worker's parent
 * (the orphan was re-parented). This catches what the IPC channel's close
 * cannot: a worker that was stopped (SIGSTOP) while its parent died, and was
 * continued later, and a utilityProcess, which has no disconnect event.
 */
function exitWithParent(): void {
  const parentPid = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) process.exit(0);
  }, PARENT_CHECK_MS);
  timer.unref();
}

/** Connects to the parent, or returns null when the worker was started some other way. */
export function connectToParent(): ParentLink | null {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  let post: ((message: WorkerToMain) => void) | null = null;
  let onMessage: ParentLink['onMessage'] | null = null;
  if (parentPort) {
    post = (message) => parentPort.postMessage(message);
    onMessage = (listener) => parentPort.on('message', (event) => listener(event.data));
  } else if (typeof process.send === 'function') {
    // The parent closing the channel must not leave an orphan behind.
    process.on('disconnect', () => process.exit(0));
    post = (message) => process.send?.(message);
    onMessage = (listener) => process.on('message', listener);
  }
  if (!post || !onMessage) return null;
  exitWithParent();
  const send = post;
  const link = {
    lastSent: performance.now(),
    send(message: WorkerToMain): void {
      link.lastSent = performance.now();
      send(message);
    },
    onMessage,
  };
  return link;
}
