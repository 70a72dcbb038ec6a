/**
 * A real browser host (node out/main/web.js) for each test file, on a free
 * port, with its own data folder, and a page that fails the test on any
 * console error (a CSP violation shows up there).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserSkipReason } from './browser';

export const ROOT = resolve(__dirname, '..');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export interface WebHost {
  /**
   * The lab's address with lessons' questions off (`&questions=0`), as a
   * teacher can set: the tests that are not about predicting run at once.
   */
  url: string;
  /** The address exactly as the host printed it: lessons ask their question first. */
  printedUrl: string;
  origin: string;
  port: number;
  token: string;
  process: ChildProcess;
}

async function startHost(): Promise<{ host: WebHost; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'isolation-lab-e2e-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/web.js'), '--port', '0', '--no-open', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`The browser host printed no URL in 20 s: ${output}`)),
      20_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match =
        /Isolation Lab is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`The browser host exited (${code}) before printing its URL: ${output}`)),
    );
  });
  const parsed = new URL(url);
  return {
    host: {
      url: `${url}&questions=0`,
      printedUrl: url,
      origin: parsed.origin,
      port: Number(parsed.port),
      token: parsed.searchParams.get('token') ?? '',
      process: child,
    },
    dataDir,
  };
}

export const test = base.extend<{ page: Page }, { host: WebHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { host, dataDir } = await startHost();
      await use(host);
      const exited = new Promise((r) => host.process.once('exit', r));
      host.process.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await use(page);
    expect(problems, 'console errors on the page').toEqual([]);
  },
});

/** Call at the top of a browser spec: skips it, saying why, where no Chromium is installed (never on CI). */
export function needsBrowser(): void {
  const reason = browserSkipReason();
  if (reason) console.log(`Browser end-to-end tests skipped: ${reason}`);
  test.skip(reason !== null, reason ?? '');
}

/**
 * Saves what the window shows, at the projector size, and the process map
 * (below the results in the outcome column) on its own.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No hover tooltip over a chart in the picture.
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const map = page.locator('.process-map');
  if ((await map.count()) > 0) {
    // The map can be taller than the scrolling column shows at 720 px: crop it from a taller window.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 1800 });
    await map.screenshot({ path: join(SCREENSHOTS, `${name}-process-map.png`) });
    if (size) await page.setViewportSize(size);
  }
}

export { expect };
