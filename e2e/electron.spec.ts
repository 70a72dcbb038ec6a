/**
 * The desktop app itself, driven through Playwright's Electron support. It
 * needs Electron's binary and a display; where either is missing it is
 * skipped, and says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { electronBinary } from '../scripts/electron-binary.cjs';

const ROOT = resolve(__dirname, '..');

const binary = electronBinary();
const skipReason = 'reason' in binary ? binary.reason : null;
if (skipReason) console.log(`Electron end-to-end test skipped: ${skipReason}.`);
test.skip(skipReason !== null, skipReason ?? '');

test('the desktop app runs read-global on utilityProcess workers', async () => {
  const app = await electron.launch({ args: [join(ROOT, 'out/main/index.js')], cwd: ROOT });
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
    await window.getByTestId('run-button').click();
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
