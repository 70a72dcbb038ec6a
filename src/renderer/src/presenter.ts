/**
 * The room's controls: presenter mode (one column, larger type), the font
 * size, and the keys a teacher uses with a keyboard or a presentation
 * clicker (which sends ←/→ and PageUp/PageDown). The lab remembers the
 * settings (src/shared/settings.ts), for the desktop app and the browser
 * host alike.
 */
import { useEffect, useRef, useState } from 'react';
import type { MENU_KEYS } from '../../shared/menu-actions';
import { FONT_SCALES, type Settings } from '../../shared/settings';
import { lab } from './lab-client';

/** The font sizes A−/A+ step through, as multiples of the 18 px base. */
export { FONT_SCALES };
const BASE_FONT_PX = 18;
/** Below this width the layout is one column, as in presenter mode. */
const NARROW_PX = 1100;

/** `?name=1` or `?name=0` in the address, which wins over what was saved. */
function askedSwitch(name: 'present' | 'questions'): boolean | null {
  const asked = new URLSearchParams(window.location.search).get(name);
  return asked === '1' || asked === '0' ? asked === '1' : null;
}
const askedPresent = (): boolean | null => askedSwitch('present');

export interface RoomSettings {
  present: boolean;
  setPresent: (on: boolean) => void;
  scale: number;
  /** Steps the font size up (+1) or down (−1). */
  stepScale: (direction: 1 | -1) => void;
  /** One column: in presenter mode, or when the window is narrow. */
  narrow: boolean;
  /** Whether lessons ask their question before they run. */
  questions: boolean;
  setQuestions: (on: boolean) => void;
}

/**
 * Presenter mode, the font size and the one-column layout, applied to the
 * page. What the lab remembers (`saved`, once it has arrived) is applied
 * once; each change the user makes is handed to `save`.
 */
export function useRoomSettings(
  saved: Settings | null,
  save: (change: Settings) => void,
): RoomSettings {
  const [present, setPresentState] = useState(() => askedPresent() ?? false);
  const [scale, setScale] = useState<number>(() => (askedPresent() ? 1.5 : 1));
  const [questions, setQuestionsState] = useState(() => askedSwitch('questions') ?? true);
  const [narrowWindow, setNarrowWindow] = useState(
    () => window.matchMedia(`(max-width: ${NARROW_PX - 1}px)`).matches,
  );
  // What the lab remembers is applied once, when it arrives (React's "state from a prop change").
  const [applied, setApplied] = useState<Settings | null>(null);
  if (saved && saved !== applied) {
    setApplied(saved);
    if (askedPresent() === null && saved.present !== undefined) setPresentState(saved.present);
    if (saved.fontScale !== undefined) setScale(saved.fontScale);
    if (askedSwitch('questions') === null && saved.questions !== undefined)
      setQuestionsState(saved.questions);
  }
  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${NARROW_PX - 1}px)`);
    const onChange = (): void => setNarrowWindow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  useEffect(() => {
    // Through the CSSOM, which the page's CSP allows (a style attribute it would not).
    document.documentElement.style.fontSize = `${BASE_FONT_PX * scale}px`;
  }, [scale]);
  const setPresent = (on: boolean): void => {
    setPresentState(on);
    save({ present: on });
  };
  const stepScale = (direction: 1 | -1): void => {
    const at = FONT_SCALES.indexOf(scale as (typeof FONT_SCALES)[number]);
    const next = FONT_SCALES[
      Math.min(FONT_SCALES.length - 1, Math.max(0, (at < 0 ? 0 : at) + direction))
    ] as (typeof FONT_SCALES)[number];
    setScale(next);
    save({ fontScale: next });
  };
  const setQuestions = (on: boolean): void => {
    setQuestionsState(on);
    save({ questions: on });
  };
  return {
    present,
    setPresent,
    scale,
    stepScale,
    narrow: present || narrowWindow,
    questions,
    setQuestions,
  };
}

export interface KeyActions {
  previous: () => void;
  next: () => void;
  run: () => void;
  cancel: () => void;
  /** Lets a stepwise run go on from where it holds. */
  nextStep: () => void;
  togglePresent: () => void;
  toggleFullscreen: () => void;
  showKeys: () => void;
  fontSize: (direction: 1 | -1) => void;
}

/** Whether a key press belongs to a field being typed in, or to the button it would press (Enter, Space). */
function typing(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === 'BUTTON') return key === 'Enter' || key === ' ';
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
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
      if (typing(event.target, event.key)) return;
      const action: Record<string, () => void> = {
        ArrowLeft: actions.previous,
        PageUp: actions.previous,
        ArrowRight: actions.next,
        PageDown: actions.next,
        r: actions.run,
        R: actions.run,
        Enter: actions.run,
        n: actions.nextStep,
        N: actions.nextStep,
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

/**
 * The desktop app's menu: each item does what its key does in the page (the
 * menu only shows the keys), and a lesson item opens that lesson.
 */
export function useMenu(actions: KeyActions, openLesson: (id: string) => void): void {
  const latest = useRef({ actions, openLesson });
  useEffect(() => {
    latest.current = { actions, openLesson };
  });
  useEffect(
    () =>
      lab.on('menu', (action) => {
        const { actions: now, openLesson: open } = latest.current;
        if (action.type === 'lesson') return open(action.id);
        const byKey: Record<(typeof MENU_KEYS)[number], () => void> = {
          previous: now.previous,
          next: now.next,
          run: now.run,
          nextStep: now.nextStep,
          cancel: now.cancel,
          togglePresent: now.togglePresent,
          showKeys: now.showKeys,
          fontLarger: () => now.fontSize(1),
          fontSmaller: () => now.fontSize(-1),
        };
        byKey[action.key]();
      }),
    [],
  );
}
