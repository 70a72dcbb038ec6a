import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../shared/api';
import { ClientChannel, MAX_QUEUED_BYTES, SLOW_QUEUED_BYTES } from './client-channel';

/** A socket whose queue the test sets, recording what was sent. */
function fakeSocket() {
  return {
    bufferedAmount: 0,
    sent: [] as string[],
    terminated: false,
    send(data: string) {
      this.sent.push(data);
    },
    terminate() {
      this.terminated = true;
    },
  };
}

const sample = (t: number): RunEvent =>
  ({ runId: 1, type: 'memory-sample', sample: { t, processes: [] } }) as unknown as RunEvent;
const log = (line: string): RunEvent => ({ runId: 1, type: 'log', line });
const payloads = (socket: ReturnType<typeof fakeSocket>) =>
  socket.sent.map((data) => (JSON.parse(data) as { payload: RunEvent }).payload);

afterEach(() => vi.useRealTimers());

describe('ClientChannel', () => {
  it('sends everything at once to a tab that keeps up', () => {
    const socket = fakeSocket();
    const channel = new ClientChannel(socket, () => undefined);
    channel.sendEvent(sample(1));
    channel.sendEvent(sample(2));
    channel.sendEvent(log('a'));
    expect(payloads(socket).map((e) => e.type)).toEqual(['memory-sample', 'memory-sample', 'log']);
  });

  it('holds only the latest live figure while a tab is slow, and sends it when the queue drains', () => {
    vi.useFakeTimers();
    const socket = fakeSocket();
    const channel = new ClientChannel(socket, () => undefined);
    socket.bufferedAmount = SLOW_QUEUED_BYTES;
    for (let t = 1; t <= 50; t += 1) channel.sendEvent(sample(t));
    expect(socket.sent).toEqual([]);
    socket.bufferedAmount = 0;
    vi.advanceTimersByTime(100);
    expect(payloads(socket)).toEqual([sample(50)]);
  });

  it('never holds an event that must arrive, and sends held figures before it, in order', () => {
    const socket = fakeSocket();
    const channel = new ClientChannel(socket, () => undefined);
    socket.bufferedAmount = SLOW_QUEUED_BYTES;
    channel.sendEvent(sample(7));
    channel.sendEvent(log('done'));
    expect(payloads(socket)).toEqual([sample(7), log('done')]);
    channel.close();
  });

  it('disconnects a tab with more than MAX_QUEUED_BYTES queued, once, and sends nothing after', () => {
    const socket = fakeSocket();
    const overflow = vi.fn();
    const channel = new ClientChannel(socket, overflow);
    socket.bufferedAmount = MAX_QUEUED_BYTES + 1;
    channel.sendEvent(log('one'));
    channel.sendEvent(log('two'));
    expect(socket.terminated).toBe(true);
    expect(overflow).toHaveBeenCalledTimes(1);
    expect(overflow).toHaveBeenCalledWith(MAX_QUEUED_BYTES + 1);
    expect(payloads(socket)).toEqual([log('one')]);
  });
});
