/**
 * The window's size and place, remembered between launches
 * (window-state.json in the app's data folder). A saved place that no screen
 * shows any more (a projector unplugged since) is not used: the window opens
 * centred instead, never off screen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod/mini';

const boundsSchema = z.strictObject({
  x: z.int(),
  y: z.int(),
  width: z.int().check(z.minimum(400)),
  height: z.int().check(z.minimum(300)),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof boundsSchema>;

/** How much of the window a screen must show for the saved place to be used. */
const VISIBLE_PX = 100;

/** The saved state if it is well formed and a screen's work area shows enough of it; null otherwise. */
export function usableState(saved: unknown, workAreas: readonly Rectangle[]): WindowState | null {
  const parsed = boundsSchema.safeParse(saved);
  if (!parsed.success) return null;
  const { x, y, width, height } = parsed.data;
  const seen = workAreas.some((area) => {
    const across = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const down = Math.min(y + height, area.y + area.height) - Math.max(y, area.y);
    return across >= VISIBLE_PX && down >= VISIBLE_PX;
  });
  return seen ? parsed.data : null;
}

const fileIn = (folder: string): string => join(folder, 'window-state.json');

/** What was saved, or null when nothing readable was. */
export function readWindowState(folder: string): unknown {
  try {
    return JSON.parse(readFileSync(fileIn(folder), 'utf8'));
  } catch {
    return null;
  }
}

/** Saves the window's normal bounds and whether it is maximized when it closes. */
export function rememberWindowState(window: BrowserWindow, folder: string): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    const path = fileIn(folder);
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    } catch {
      // Not remembering the window's place never stops the app from closing.
    }
  });
}
