/**
 * The desktop app itself, driven through Playwright's Electron support. It
 * needs Electron's binary and a display; where either is missing it is
 * skipped, and says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinary } from '../scripts/electron-binary.cjs';

const ROOT = resolve(__dirname, '..');

const binary = electronBinary();
const skipReason = 'reason' in binary ? binary.reason : null;
if (skipReason) console.log(`Electron end-to-end test skipped: ${skipReason}.`);
test.skip(skipReason !== null, skipReason ?? '');

/** The app with a data folder of its own, so that remembered settings start empty. */
function launch(userData: string) {
  return electron.launch({
    args: [join(ROOT, 'out/main/index.js'), `--user-data-dir=${userData}`],
    cwd: ROOT,
  });
}

test('the desktop app runs read-global on utilityProcess workers, from app://', async () => {
  const app = await launch(mkdtempSync(join(tmpdir(), 'isolation-lab-electron-')));
  try {
    const window = await app.firstWindow();
    await window.setViewportSize({ width: 1280, height: 720 });
    await expect(window.getByTestId('host-line')).toContainText('UtilityProcessBackend');
    const isolated = await window.evaluate(
      () =>
        typeof (globalThis as { require?: unknown }).require === 'undefined' &&
        typeof (globalThis as { process?: unknown }).process === 'undefined',
    );
    expect(isolated).toBe(true);
    expect(window.url()).toBe('app://lab/index.html');
    // Questions are on by default: answer, then run.
    await window.getByTestId('question-choice-copies').check();
    await window.getByTestId('run-button').click();
    await expect(window.getByTestId('reveal')).toHaveAttribute('data-verdict', 'right', {
      timeout: 60_000,
    });
    await expect(window.getByTestId('results-printed')).toHaveText('[1.4, 1.4]', {
      timeout: 60_000,
    });
    await expect(window.getByTestId('worker-card')).toHaveCount(2);
    mkdirSync(join(ROOT, 'artifacts/screenshots'), { recursive: true });
    await window.screenshot({ path: join(ROOT, 'artifacts/screenshots/electron-read-global.png') });
  } finally {
    await app.close();
  }
});

test('the menu: lessons, run, presenter mode and zoom, with the page’s keys shown', async () => {
  const app = await launch(mkdtempSync(join(tmpdir(), 'isolation-lab-electron-')));
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('host-line')).toBeVisible();
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label),
    );
    expect(labels).toEqual(expect.arrayContaining(['Lessons', 'Run', 'View', 'Help']));
    // A lesson item opens that lesson; the Run item runs it, as R does.
    await app.evaluate(({ Menu }) => {
      const lessons = Menu.getApplicationMenu()?.items.find((i) => i.label === 'Lessons');
      lessons?.submenu?.items[1]?.click();
    });
    await expect(window.getByTestId('lesson-write-global')).toBeVisible();
    await window.getByTestId('question-skip').click();
    await window.keyboard.press('r');
    await expect(window.getByTestId('headline-printed')).toHaveText('[0, 1]', { timeout: 60_000 });
    await app.evaluate(({ Menu }) => {
      const view = Menu.getApplicationMenu()?.items.find((i) => i.label === 'View');
      view?.submenu?.items.find((i) => i.label === 'Presenter mode')?.click();
    });
    await expect(window.locator('.app')).toHaveClass(/app--present/);
  } finally {
    await app.close();
  }
});

test('settings and the window’s place are remembered between launches', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'isolation-lab-electron-'));
  let app = await launch(userData);
  try {
    const window = await app.firstWindow();
    await window.getByLabel(/Language|Idioma/).selectOption('es');
    await expect(window.getByTestId('host-line')).toContainText('Proceso padre');
    await window.getByTestId('font-larger').click();
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.setBounds({ x: 60, y: 40, width: 1100, height: 700 }),
    );
  } finally {
    await app.close();
  }
  app = await launch(userData);
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('host-line')).toContainText('Proceso padre');
    const font = await window.evaluate(
      () =>
        (
          globalThis as unknown as {
            document: { documentElement: { style: { fontSize: string } } };
          }
        ).document.documentElement.style.fontSize,
    );
    expect(font).toBe('22.5px');
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label),
    );
    expect(labels).toContain('Lecciones');
    const bounds = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getBounds(),
    );
    expect(bounds).toMatchObject({ width: 1100, height: 700 });
  } finally {
    await app.close();
  }
});
