/**
 * The IPC wrapper's checks. Electron cannot run here, so `electron` is the one
 * module replaced by a stand-in, and only in this test of the thin Electron
 * layer: the lab service behind it is real.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LESSON_IDS } from '../../shared/lessons';
import type { CommandResult } from '../../shared/api';

type Handler = (event: unknown, request: unknown) => Promise<CommandResult<unknown>>;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { setupIpc } = await import('./ipc');
const { LabService } = await import('../lab/service');
const { createLab } = await import('../../../test/support/lab-fixture');

const APP_URL = 'file:///app/out/renderer/index.html';

describe('setupIpc', () => {
  const contents = { send: vi.fn(), isDestroyed: () => false };
  let fixture: ReturnType<typeof createLab>;

  beforeEach(() => {
    handlers.clear();
    contents.send.mockClear();
    fixture = createLab();
    setupIpc({
      service: new LabService(fixture.lab),
      contents: () => contents as never,
      isAppUrl: (url) => url === APP_URL,
    });
    return () => fixture.dispose();
  });

  const event = (sender: unknown, url: string) => ({ sender, senderFrame: { url } });

  it('registers one channel per command', () => {
    expect([...handlers.keys()].sort()).toEqual([
      'lab:cancel',
      'lab:compare',
      'lab:host-info',
      'lab:kill-worker',
      'lab:lessons',
      'lab:restart-workers',
      'lab:run',
      'lab:run-stepwise',
      'lab:save-settings',
      'lab:settings',
      'lab:step',
    ]);
  });

  it('answers the app window, with what the lab says', async () => {
    const result = await handlers.get('lab:lessons')?.(event(contents, APP_URL), null);
    if (!result?.ok) throw new Error('the app window was refused');
    expect((result.response as { id: string }[]).map((lesson) => lesson.id)).toEqual([
      ...LESSON_IDS,
    ]);
    const info = await handlers.get('lab:host-info')?.(event(contents, APP_URL), null);
    expect(info?.ok && (info.response as { pid: number }).pid).toBe(process.pid);
  });

  it('refuses another sender, and a page the app did not load', async () => {
    const stranger = await handlers.get('lab:lessons')?.(event({}, APP_URL), null);
    expect(stranger).toEqual({
      ok: false,
      error: {
        name: 'ForbiddenSender',
        message: 'Refused: the message did not come from the app window.',
      },
    });
    const elsewhere = await handlers.get('lab:run')?.(event(contents, 'https://example.com/'), {
      experiment: 'read-global',
    });
    expect(elsewhere?.ok).toBe(false);
    expect(elsewhere && !elsewhere.ok && elsewhere.error.message).toContain(
      'a page the app did not load (https://example.com/)',
    );
  });

  it('validates the request and says what is wrong', async () => {
    const result = await handlers.get('lab:run')?.(event(contents, APP_URL), {
      experiment: 'read-global',
      nJobs: 99,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'ParamError',
        message: 'Invalid workers (nJobs): 99. Allowed: a whole number from 1 to 32.',
        // The same as a code with values, which the window says in its own language.
        detail: { code: 'range', field: 'nJobs', given: '99', min: 1, max: 32 },
      },
    });
    const extra = await handlers.get('lab:lessons')?.(event(contents, APP_URL), { sneaky: true });
    expect(extra?.ok).toBe(false);
  });

  it('runs a lesson and forwards its events to the window', async () => {
    const result = await handlers.get('lab:run')?.(event(contents, APP_URL), {
      experiment: 'read-global',
    });
    expect(result?.ok && (result.response as { results: unknown }).results).toEqual([1.4, 1.4]);
    const channels = new Set(contents.send.mock.calls.map((call) => call[0]));
    expect(channels).toEqual(new Set(['lab:event']));
    expect(contents.send.mock.calls.some((call) => call[1].type === 'run-finished')).toBe(true);
  });
});
