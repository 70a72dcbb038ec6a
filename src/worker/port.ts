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
  kind: 'utilityProcess' | 'child_process';
  send(message: WorkerToMain): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Connects to the parent, or returns null when the worker was started some other way. */
export function connectToParent(): ParentLink | null {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      kind: 'utilityProcess',
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  if (typeof process.send === 'function') {
    // The parent going away must not leave an orphan behind.
    process.on('disconnect', () => process.exit(0));
    return {
      kind: 'child_process',
      send: (message) => {
        process.send?.(message);
      },
      onMessage: (listener) => process.on('message', listener),
    };
  }
  return null;
}
