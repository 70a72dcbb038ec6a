/**
 * The room's controls: presenter mode (one column, larger type), the font
 * size, and the keys a teacher uses with a keyboard or a presentation
 * clicker (which sends ←/→ and PageUp/PageDown). Settings are remembered in
 * the page's own storage.
 */
import { useEffect, useState } from 'react';

const PRESENT_KEY = 'isolation-lab.present';
const SCALE_KEY = 'isolation-lab.font-scale';
/** The font sizes A−/A+ step through, as multiples of the 18 px base. */
export const FONT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;
const BASE_FONT_PX = 18;
/** Below this width the layout is one column, as in presenter mode. */
const NARROW_PX = 1100;

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage can be off (a private window): the setting lasts for this visit.
  }
}

/** Presenter mode: `?present=1` asks for it; otherwise the last choice. */
function initialPresent(): boolean {
  const asked = new URLSearchParams(window.location.search).get('present');
  if (asked === '1' || asked === '0') return asked === '1';
  return stored(PRESENT_KEY) === '1';
}

function initialScale(present: boolean): number {
  const last = Number(stored(SCALE_KEY));
  return (FONT_SCALES as readonly number[]).includes(last) ? last : present ? 1.5 : 1;
}

export interface RoomSettings {
  present: boolean;
  setPresent: (on: boolean) => void;
  scale: number;
  /** Steps the font size up (+1) or down (−1). */
  stepScale: (direction: 1 | -1) => void;
  /** One column: in presenter mode, or when the window is narrow. */
  narrow: boolean;
}

/** Presenter mode, the font size and the one-column layout, applied to the page and remembered. */
export function useRoomSettings(): RoomSettings {
  const [present, setPresentState] = useState(initialPresent);
  const [scale, setScale] = useState(() => initialScale(initialPresent()));
  const [narrowWindow, setNarrowWindow] = useState(
    () => window.matchMedia(`(max-width: ${NARROW_PX - 1}px)`).matches,
  );
  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${NARROW_PX - 1}px)`);
    const onChange = (): void => setNarrowWindow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  useEffect(() => {
    // Through the CSSOM, which the page's CSP allows (a style attribute it would not).
    document.documentElement.style.fontSize = `${BASE_FONT_PX * scale}px`;
    store(SCALE_KEY, String(scale));
  }, [scale]);
  const setPresent = (on: boolean): void => {
    setPresentState(on);
    store(PRESENT_KEY, on ? '1' : '0');
  };
  const stepScale = (direction: 1 | -1): void =>
    setScale((current) => {
      const at = FONT_SCALES.indexOf(current as (typeof FONT_SCALES)[number]);
      const next = Math.min(FONT_SCALES.length - 1, Math.max(0, (at < 0 ? 0 : at) + direction));
      return FONT_SCALES[next] as number;
    });
  return { present, setPresent, scale, stepScale, narrow: present || narrowWindow };
}

export interface KeyActions {
  previous: () => void;
  next: () => void;
  run: () => void;
  cancel: () => void;
  togglePresent: () => void;
  toggleFullscreen: () => void;
  showKeys: () => void;
  fontSize: (direction: 1 | -1) => void;
}

/** Whether a key press belongs to a field being typed in (or a control that uses it). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName)
  );
}

/**
 * The keys of the room, everywhere in the page but inside a field (Esc works
 * there too), and none while a dialog is open (Esc closes it).
 */
export function useRoomKeys(actions: KeyActions, dialogOpen: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (dialogOpen || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        actions.cancel();
        return;
      }
      if (typing(event.target)) return;
      const action: Record<string, () => void> = {
        ArrowLeft: actions.previous,
        PageUp: actions.previous,
        ArrowRight: actions.next,
        PageDown: actions.next,
        r: actions.run,
        R: actions.run,
        Enter: actions.run,
        p: actions.togglePresent,
        P: actions.togglePresent,
        f: actions.toggleFullscreen,
        F: actions.toggleFullscreen,
        '?': actions.showKeys,
        '+': () => actions.fontSize(1),
        '=': () => actions.fontSize(1),
        '-': () => actions.fontSize(-1),
      };
      const chosen = action[event.key];
      if (!chosen) return;
      event.preventDefault();
      chosen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, dialogOpen]);
}

/** Fullscreen on, or off again. */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}
