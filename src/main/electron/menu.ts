/**
 * The desktop app's menu: the lessons, the run, presenter mode, fullscreen
 * and zoom, the lessons' guide and About, in the language the page chose.
 * Items that the page also has as keys show the key but do not register it
 * (a menu accelerator without a modifier would steal the letter from every
 * field): the page handles the key, and the item sends the same action.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { LESSONS, VIEW_ORDER } from '../../shared/lessons';
import type { MenuAction } from '../../shared/menu-actions';

export type MenuLanguage = 'en' | 'es';

export interface MenuHandlers {
  /** Hands an action to the page. */
  send: (action: MenuAction) => void;
  openGuide: () => void;
  showAbout: () => void;
}

const LABELS = {
  en: {
    lessons: 'Lessons',
    compare: 'Memory: copy, read or share',
    previous: 'Previous lesson',
    next: 'Next lesson',
    run: 'Run the lesson',
    run_menu: 'Run',
    nextStep: 'Next step',
    cancel: 'Cancel the run',
    view: 'View',
    present: 'Presenter mode',
    larger: 'Larger text',
    smaller: 'Smaller text',
    fullscreen: 'Full screen',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    help: 'Help',
    guide: 'Lessons guide',
    keys: 'Keys',
    about: 'About Isolation Lab',
    quit: 'Quit',
  },
  es: {
    lessons: 'Lecciones',
    compare: 'Memoria: copiar, leer o compartir',
    previous: 'Lección anterior',
    next: 'Lección siguiente',
    run: 'Ejecutar la lección',
    run_menu: 'Ejecución',
    nextStep: 'Siguiente paso',
    cancel: 'Cancelar la ejecución',
    view: 'Ver',
    present: 'Modo presentación',
    larger: 'Texto más grande',
    smaller: 'Texto más pequeño',
    fullscreen: 'Pantalla completa',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    resetZoom: 'Tamaño real',
    help: 'Ayuda',
    guide: 'Guía de las lecciones',
    keys: 'Teclas',
    about: 'Acerca de Isolation Lab',
    quit: 'Salir',
  },
} as const;

/** An item for a key the page handles: shown in the menu, not registered with the system. */
function keyItem(label: string, key: string, action: MenuAction, send: MenuHandlers['send']) {
  return { label, accelerator: key, registerAccelerator: false, click: () => send(action) };
}

/** The lessons in the tutorial's order, by the notebook function each re-creates. */
function lessonItems(words: (typeof LABELS)[MenuLanguage], send: MenuHandlers['send']) {
  return VIEW_ORDER.map((id, i) => ({
    label: `${i + 1} · ${id === 'compare' ? words.compare : `${LESSONS[id].taskName}()`}`,
    click: () => send({ type: 'lesson', id }),
  }));
}

export function menuTemplate(
  language: MenuLanguage,
  { send, openGuide, showAbout }: MenuHandlers,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const words = LABELS[language];
  const key = (k: MenuAction & { type: 'key' }): MenuAction => k;
  const template: MenuItemConstructorOptions[] = [
    {
      label: words.lessons,
      submenu: [
        ...lessonItems(words, send),
        { type: 'separator' },
        keyItem(words.previous, 'Left', key({ type: 'key', key: 'previous' }), send),
        keyItem(words.next, 'Right', key({ type: 'key', key: 'next' }), send),
        ...(platform === 'darwin'
          ? []
          : [{ type: 'separator' as const }, { label: words.quit, role: 'quit' as const }]),
      ],
    },
    {
      label: words.run_menu,
      submenu: [
        keyItem(words.run, 'R', key({ type: 'key', key: 'run' }), send),
        keyItem(words.nextStep, 'N', key({ type: 'key', key: 'nextStep' }), send),
        keyItem(words.cancel, 'Escape', key({ type: 'key', key: 'cancel' }), send),
      ],
    },
    {
      label: words.view,
      submenu: [
        keyItem(words.present, 'P', key({ type: 'key', key: 'togglePresent' }), send),
        keyItem(words.larger, 'Plus', key({ type: 'key', key: 'fontLarger' }), send),
        keyItem(words.smaller, '-', key({ type: 'key', key: 'fontSmaller' }), send),
        { type: 'separator' },
        { label: words.fullscreen, role: 'togglefullscreen' },
        { label: words.zoomIn, role: 'zoomIn' },
        { label: words.zoomOut, role: 'zoomOut' },
        { label: words.resetZoom, role: 'resetZoom' },
      ],
    },
    {
      label: words.help,
      role: 'help',
      submenu: [
        { label: words.guide, accelerator: 'F1', click: openGuide },
        keyItem(words.keys, 'Shift+/', key({ type: 'key', key: 'showKeys' }), send),
        { type: 'separator' },
        { label: words.about, click: showAbout },
      ],
    },
  ];
  // macOS puts the app's own menu first, with About and Quit.
  if (platform === 'darwin')
    template.unshift({
      label: 'Isolation Lab',
      submenu: [{ label: words.about, click: showAbout }, { role: 'quit' }],
    });
  return template;
}

/** What About says: the lab's version and the versions of what it runs on. */
export function aboutText(versions: {
  lab: string;
  electron: string;
  chrome: string;
  node: string;
}): {
  message: string;
  detail: string;
} {
  return {
    message: `Isolation Lab ${versions.lab}`,
    detail: `Electron ${versions.electron}\nChromium ${versions.chrome}\nNode ${versions.node}\n\nProcesses do not share memory.`,
  };
}

/** Sets the application menu in the given language (again when the page changes it). */
export function setupMenu(language: MenuLanguage, handlers: MenuHandlers): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, handlers)));
}
