/** The application menu against a stand-in for electron: its items, their keys, what they send. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ template: null as unknown }));
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ((built.template = template), { template }),
    setApplicationMenu: vi.fn(),
  },
}));

const { aboutText, menuTemplate, setupMenu } = await import('./menu');

type Item = MenuItemConstructorOptions;
const items = (template: Item[]): Item[] =>
  template.flatMap((top) => [top, ...((top.submenu as Item[] | undefined) ?? [])]);
const byLabel = (template: Item[], label: string): Item => {
  const item = items(template).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
};

function handlers() {
  return { send: vi.fn(), openGuide: vi.fn(), showAbout: vi.fn() };
}

describe('menuTemplate', () => {
  it('shows the page’s keys without registering them, and each item sends the key’s action', () => {
    const h = handlers();
    const template = menuTemplate('en', h, 'linux');
    const run = byLabel(template, 'Run the lesson');
    expect(run).toMatchObject({ accelerator: 'R', registerAccelerator: false });
    (run.click as () => void)();
    expect(h.send).toHaveBeenLastCalledWith({ type: 'key', key: 'run' });
    expect(byLabel(template, 'Next step')).toMatchObject({ accelerator: 'N' });
    (byLabel(template, 'Next step').click as () => void)();
    expect(h.send).toHaveBeenLastCalledWith({ type: 'key', key: 'nextStep' });
    (byLabel(template, 'Cancel the run').click as () => void)();
    expect(h.send).toHaveBeenLastCalledWith({ type: 'key', key: 'cancel' });
    (byLabel(template, 'Presenter mode').click as () => void)();
    expect(h.send).toHaveBeenLastCalledWith({ type: 'key', key: 'togglePresent' });
    const keyed = items(template).filter(
      (i) =>
        typeof i.accelerator === 'string' && i.accelerator.length <= 6 && i.accelerator !== 'F1',
    );
    expect(keyed.every((i) => i.registerAccelerator === false)).toBe(true);
  });

  it('lists the lessons in order, by their notebook function, and the comparison', () => {
    const h = handlers();
    const lessons = (menuTemplate('en', h, 'linux')[0]?.submenu as Item[]).slice(0, 9);
    expect(lessons.map((i) => i.label)).toEqual([
      '1 · return_global_var()',
      '2 · change_global_var()',
      '3 · add_to_global_var()',
      '4 · sum_data()',
      '5 · read_and_sum_data()',
      '6 · Memory: copy, read or share',
      '7 · add_to_global_var()',
      '8 · count_calls()',
      '9 · run_in_threads()',
    ]);
    (lessons[4]?.click as () => void)();
    expect(h.send).toHaveBeenLastCalledWith({ type: 'lesson', id: 'partial-read' });
  });

  it('has fullscreen and zoom as roles, and Help with the guide and About', () => {
    const h = handlers();
    const template = menuTemplate('es', h, 'linux');
    const roles = items(template)
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining(['togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']),
    );
    (byLabel(template, 'Guía de las lecciones').click as () => void)();
    expect(h.openGuide).toHaveBeenCalledOnce();
    (byLabel(template, 'Acerca de Isolation Lab').click as () => void)();
    expect(h.showAbout).toHaveBeenCalledOnce();
    expect(template.map((i) => i.label)).toEqual(['Lecciones', 'Ejecución', 'Ver', 'Ayuda']);
  });

  it('on macOS puts the app menu first, with About and Quit', () => {
    const template = menuTemplate('en', handlers(), 'darwin');
    expect(template[0]?.label).toBe('Isolation Lab');
    expect((template[0]?.submenu as Item[]).map((i) => i.role ?? i.label)).toEqual([
      'About Isolation Lab',
      'quit',
    ]);
  });

  it('is set as the application menu', () => {
    setupMenu('en', handlers());
    expect((built.template as Item[]).map((i) => i.label)).toEqual([
      'Lessons',
      'Run',
      'View',
      'Help',
    ]);
  });
});

describe('aboutText', () => {
  it('names the versions of the lab, Electron, Chromium and Node', () => {
    const text = aboutText({ lab: '0.1.0', electron: '41.0.0', chrome: '140.0.1', node: '22.1.0' });
    expect(text.message).toBe('Isolation Lab 0.1.0');
    expect(text.detail).toContain('Electron 41.0.0\nChromium 140.0.1\nNode 22.1.0');
  });
});
