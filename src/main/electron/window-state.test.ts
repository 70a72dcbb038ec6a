import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, rememberWindowState, usableState } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const projector = { x: 1920, y: 0, width: 1280, height: 720 };

describe('usableState', () => {
  it('uses a saved place that a screen still shows', () => {
    const saved = { x: 100, y: 80, width: 1280, height: 800, maximized: false };
    expect(usableState(saved, [laptop])).toEqual(saved);
    const onProjector = { x: 2000, y: 50, width: 1200, height: 650, maximized: true };
    expect(usableState(onProjector, [laptop, projector])).toEqual(onProjector);
  });

  it('does not use a place no screen shows (the projector is gone), nor a malformed one', () => {
    expect(
      usableState({ x: 2000, y: 50, width: 1200, height: 650, maximized: false }, [laptop]),
    ).toBeNull();
    expect(
      usableState({ x: 1880, y: 0, width: 800, height: 600, maximized: false }, [laptop]),
    ).toBeNull();
    expect(
      usableState({ x: 0, y: 0, width: 20, height: 20, maximized: false }, [laptop]),
    ).toBeNull();
    expect(usableState({ x: 0, y: 0, width: 1280 }, [laptop])).toBeNull();
    expect(usableState(null, [laptop])).toBeNull();
  });
});

describe('rememberWindowState', () => {
  it('saves the normal bounds and the maximized flag when the window closes', () => {
    const folder = mkdtempSync(join(tmpdir(), 'isolation-lab-window-'));
    let onClose = (): void => undefined;
    const window = {
      on: (_event: string, listener: () => void) => (onClose = listener),
      getNormalBounds: () => ({ x: 10, y: 20, width: 1300, height: 820 }),
      isMaximized: () => true,
    };
    rememberWindowState(window as never, folder);
    expect(readWindowState(folder)).toBeNull();
    onClose();
    expect(JSON.parse(readFileSync(join(folder, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 820,
      maximized: true,
    });
    expect(usableState(readWindowState(folder), [laptop])).not.toBeNull();
    rmSync(folder, { recursive: true, force: true });
  });
});
