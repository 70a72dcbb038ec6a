/**
 * What the browser host sends to one tab, bounded. A tab that reads slowly
 * (a paused debugger, a starved laptop) must not make the host hold every
 * event of a long run: once its queue passes SLOW_QUEUED_BYTES, live figures
 * (memory samples, progress) are held back and only the latest of each kind
 * is sent when the queue drains; the report at the end of the run has them
 * all. A tab whose queue passes MAX_QUEUED_BYTES all the same is disconnected.
 */
import type { RunEvent } from '../../shared/api';

/** Above this much queued for a tab, live figures are coalesced. */
export const SLOW_QUEUED_BYTES = 256 * 1024;
/** A tab with more than this queued is disconnected. */
export const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** How often held figures are retried while a tab is slow. */
const DRAIN_CHECK_MS = 50;

/** The part of a ws WebSocket the channel uses. */
export interface QueueingSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  terminate(): void;
}

/** Live figures that a slow tab may receive only the latest of, or null for events it must get. */
export function coalesceKey(event: RunEvent): string | null {
  switch (event.type) {
    case 'memory-sample':
    case 'excel-progress':
      return event.type;
    case 'read-progress':
      return `read-progress:${event.slot}`;
    default:
      return null;
  }
}

export class ClientChannel {
  private readonly held = new Map<string, string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly socket: QueueingSocket,
    /** Called once when the tab is disconnected for reading too slowly. */
    private readonly onOverflow: (queuedBytes: number) => void,
  ) {}

  /** Sends a command's answer or an event that must arrive. */
  send(data: string): void {
    if (this.closed) return;
    this.socket.send(data);
    this.checkOverflow();
  }

  /** Sends a run event, holding back live figures while the tab is slow. */
  sendEvent(event: RunEvent): void {
    const data = JSON.stringify({ event: 'run-event', payload: event });
    const key = coalesceKey(event);
    if (key === null || this.socket.bufferedAmount < SLOW_QUEUED_BYTES) {
      // Anything that must arrive goes after the figures held before it, in order.
      this.flush();
      return this.send(data);
    }
    this.held.set(key, data);
    this.timer ??= setInterval(() => this.retry(), DRAIN_CHECK_MS);
  }

  /** Stops sending (the socket closed). */
  close(): void {
    this.closed = true;
    this.held.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private retry(): void {
    if (this.socket.bufferedAmount < SLOW_QUEUED_BYTES) this.flush();
  }

  private flush(): void {
    const held = [...this.held.values()];
    this.held.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const data of held) this.send(data);
  }

  private checkOverflow(): void {
    const queued = this.socket.bufferedAmount;
    if (queued <= MAX_QUEUED_BYTES || this.closed) return;
    this.close();
    this.socket.terminate();
    this.onOverflow(queued);
  }
}
