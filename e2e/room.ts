/**
 * What the classroom specs share: the room's sizes and languages, a page of
 * its own at a size, axe-core with nothing allowed, no sideways scrolling,
 * and reading what the lab saved or which workers a page shows.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import type { LabBridge } from '../src/shared/api';
import { LESSON_IDS } from '../src/shared/lessons';
import { expect } from './fixtures';

export const SIZES = [
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '853x480@1.5', width: 853, height: 480, scale: 1.5 },
] as const;
export const LANGUAGES = ['en', 'es'] as const;
export const LESSONS = [...LESSON_IDS];
export const FINISHED = { en: 'Finished', es: 'Terminado' } as const;

/** A page of its own at one size, failing on console errors like the shared fixture does. */
export async function pageAt(
  browser: Browser,
  size: (typeof SIZES)[number],
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  return { page, problems };
}

/** A setting as the lab has saved it (the page saves without waiting, so tests poll this). */
export function savedSetting(
  page: Page,
  name: 'language' | 'fontScale' | 'questions',
): Promise<unknown> {
  return page.evaluate(async (key) => {
    const { lab } = globalThis as unknown as { lab: LabBridge };
    const result = (await lab.invoke('settings', null)) as { response?: Record<string, unknown> };
    return result.response?.[key];
  }, name);
}

/** The pids on the worker cards, in order. */
export function cardPids(page: Page): Promise<number[]> {
  return page
    .getByTestId('worker-card')
    .evaluateAll((cards) =>
      cards.map((c) => Number((c as unknown as { dataset: { pid: string } }).dataset.pid)),
    );
}

/** WCAG 2.2 AA and best practice: nothing may be found. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe-core at ${where}`).toEqual([]);
}

export async function noSidewaysOverflow(page: Page): Promise<void> {
  // Runs in the page: the DOM's globals, which this file's Node types do not declare.
  const { scroll, width } = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return { scroll: document.documentElement.scrollWidth, width: innerWidth };
  });
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}
