/**
 * What a class sees: every lesson, in English and Spanish, at the sizes a
 * room has (1280×720, 1920×1080, and a 1280×720 window at 150%, which is
 * 853×480 CSS px at device scale 1.5). After a run the key figure is on
 * screen without scrolling, nothing overflows sideways, and axe-core finds
 * nothing, idle and after a run. Screenshots go to artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { childrenOf } from '../test/support/processes';
import { join } from 'node:path';
import { expect, needsBrowser, SCREENSHOTS, test } from './fixtures';
import {
  cardPids,
  expectNoAxeViolations,
  FINISHED,
  LANGUAGES,
  LESSONS,
  noSidewaysOverflow,
  pageAt,
  savedSetting,
  SIZES,
} from './room';

needsBrowser();

for (const size of SIZES) {
  for (const language of LANGUAGES) {
    test(`every lesson at ${size.name} in ${language}: key figure in view, nothing sideways${size.name === '1280x720' ? ', axe clean' : ''}`, async ({
      browser,
      host,
    }) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const { page, problems } = await pageAt(browser, size);
      for (const lesson of LESSONS) {
        await page.goto(`${host.url}&lang=${language}#${lesson}`);
        await expect(page.getByTestId(`lesson-${lesson}`)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (size.name === '1280x720') await expectNoAxeViolations(page, `${lesson} idle`);
        await page.getByTestId('run-button').click();
        await expect(page.getByTestId('phase')).toHaveText(FINISHED[language], {
          timeout: 60_000,
        });
        const headline = page.getByTestId('headline');
        await expect(headline).toBeVisible();
        // Right after a run the key figure is on screen, and has the focus.
        await expect(headline).toBeFocused();
        const box = await headline.boundingBox();
        expect(box, `${lesson}: the headline has a box`).not.toBeNull();
        expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
        await noSidewaysOverflow(page);
        if (size.name === '1280x720') await expectNoAxeViolations(page, `${lesson} after a run`);
        await page.mouse.move(1, 1);
        await page.screenshot({
          path: join(SCREENSHOTS, `room-${size.name}-${language}-${lesson}.png`),
        });
      }
      expect(problems, 'console errors on the page').toEqual([]);
      await page.context().close();
    });
  }
}

test('presenter mode and the room keys: lessons, run, cancel, font size, the list of keys', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}&present=1#read-global`);
  const app = page.locator('.app');
  await expect(app).toHaveClass(/app--present/);
  await expect(app).toHaveClass(/app--narrow/);
  const rootFont = (): Promise<string> =>
    page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { documentElement: { style: { fontSize: string } } };
      };
      return document.documentElement.style.fontSize;
    });
  expect(await rootFont()).toBe('27px');

  // A clicker's keys move between lessons.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-write-global')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-read-global')).toBeVisible();

  // R runs the lesson; the outcome takes the focus.
  await page.keyboard.press('r');
  await expect(page.getByTestId('phase')).toHaveText('Finished', { timeout: 60_000 });
  await expect(page.getByTestId('headline')).toBeFocused();
  await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 1.4]');

  // ? lists the keys; Esc closes the list.
  await page.keyboard.press('?');
  await expect(page.getByTestId('keys-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keys-dialog')).toHaveCount(0);

  // A+ makes the type larger, and the size is remembered.
  await page.getByTestId('font-larger').click();
  expect(await rootFont()).toBe('31.5px');
  // Once the lab has it (the page tells it without waiting), a reload keeps it.
  await expect.poll(() => savedSetting(page, 'fontScale')).toBe(1.75);
  await page.reload();
  await expect(page.getByTestId('present-button')).toBeVisible();
  await expect.poll(rootFont).toBe('31.5px');
  await page.keyboard.press('-');
  expect(await rootFont()).toBe('27px');
  // The lab remembers it for the next tests on this host too: back to the base size.
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  expect(await rootFont()).toBe('18px');

  // P leaves presenter mode.
  await page.keyboard.press('p');
  await expect(app).not.toHaveClass(/app--present/);

  // Esc cancels a run (four copies of 20,000,000 rows take seconds to send).
  await page.getByTestId('lesson-link-full-copy').click();
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('20000000');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('r');
  await expect(page.getByTestId('phase')).toHaveText('Workers running the tasks', {
    timeout: 30_000,
  });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('phase')).toHaveAttribute('data-status', 'cancelled', {
    timeout: 30_000,
  });
});

for (const language of LANGUAGES) {
  test(`the memory comparison in ${language}: axe clean idle and with its charts, nothing sideways at any size`, async ({
    browser,
    host,
  }) => {
    for (const size of SIZES) {
      const { page, problems } = await pageAt(browser, size);
      await page.goto(`${host.url}&lang=${language}#compare`);
      await expect(page.getByTestId('lesson-compare')).toBeVisible();
      if (size === SIZES[0]) await expectNoAxeViolations(page, 'compare idle');
      await page.getByTestId('input-workers').fill('2');
      await page.getByTestId('input-rows').fill('200000');
      await page.getByTestId('input-sweep').uncheck();
      await page.getByTestId('run-button').click();
      await expect(page.getByTestId('chart-bars')).toBeVisible({ timeout: 60_000 });
      await noSidewaysOverflow(page);
      // The duplication figures first, in view, with the focus.
      const summary = page.getByTestId('compare-summary');
      await expect(summary).toBeFocused();
      // Each step runs on new workers: the threads' process shows the copy it holds, whatever ran before.
      const threads = page.locator('[data-testid="memory-row"][data-role="threads"]');
      const figure = async (id: string): Promise<number> =>
        Number(((await threads.getByTestId(id).textContent()) ?? '').replace(',', '.'));
      expect(await figure('shared-memory-measured')).toBeGreaterThan(
        0.9 * (await figure('shared-memory-counted')),
      );
      const box = await summary.boundingBox();
      expect((box?.y ?? -1) >= 0 && (box?.y ?? 0) + (box?.height ?? 0) <= size.height).toBe(true);
      if (size === SIZES[0]) {
        // Meaning never by colour alone: hatched partial-read bars, dotted shared-memory bars, a dash per worker, large ticks.
        const fills = await page
          .getByTestId('chart-bars')
          .locator('.recharts-bar-rectangle path')
          .evaluateAll((paths) => paths.map((p) => p.getAttribute('fill') ?? ''));
        expect(fills.filter((f) => f.startsWith('url(#fill-partialRead')).length).toBeGreaterThan(
          0,
        );
        expect(fills.filter((f) => f.startsWith('url(#fill-sharedMemory')).length).toBeGreaterThan(
          0,
        );
        expect(fills.filter((f) => f.startsWith('#')).length).toBeGreaterThan(0);
        const patterns = await page
          .getByTestId('chart-bars')
          .locator('pattern')
          .evaluateAll((all) => all.map((p) => [p.id, p.querySelector('line, circle')?.tagName]));
        expect(patterns).toContainEqual(['fill-partialReadDataset', 'line']);
        expect(patterns).toContainEqual(['fill-sharedMemoryDataset', 'circle']);
        const dashes = await page
          .getByTestId('chart-timeline-full-copy')
          .locator('.recharts-line-curve')
          .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid'));
        expect(new Set(dashes).size).toBe(dashes.length);
        expect(dashes.filter((d) => d === 'solid' || d === '')).toHaveLength(1);
        const sizes = await page
          .locator('.recharts-cartesian-axis-tick-value')
          .evaluateAll((ticks) => ticks.map((t) => Number(t.getAttribute('font-size'))));
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
      }
      if (size === SIZES[0]) await expectNoAxeViolations(page, 'compare with its charts');
      await page.mouse.move(1, 1);
      await page.screenshot({
        path: join(SCREENSHOTS, `room-${size.name}-${language}-compare.png`),
      });
      // The table of three strategies, as the back row reads it.
      await page.getByTestId('memory-table').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(SCREENSHOTS, `room-${size.name}-${language}-compare-table.png`),
      });
      expect(problems, 'console errors on the page').toEqual([]);
      await page.context().close();
    }
  });
}

for (const language of LANGUAGES) {
  test(`a second screen (watch=1) in ${language}: follows the teacher's run live, cannot start one, axe clean`, async ({
    browser,
    host,
  }) => {
    const teacher = await pageAt(browser, SIZES[0]);
    const screen = await pageAt(browser, SIZES[2]);
    await screen.page.goto(`${host.url}&watch=1&lang=${language}`);
    await expect(screen.page.getByTestId('watching')).toBeVisible();
    await expect(screen.page.getByTestId('watching-controls')).toBeVisible();
    await expect(screen.page.getByTestId('run-button')).toHaveCount(0);
    // The token left the address; the watch mode stayed.
    expect(new URL(screen.page.url()).searchParams.has('token')).toBe(false);
    expect(new URL(screen.page.url()).searchParams.get('watch')).toBe('1');

    await teacher.page.goto(`${host.url}&lang=${language}#write-global`);
    await teacher.page.getByTestId('run-button').click();
    await expect(teacher.page.getByTestId('phase')).toHaveText(FINISHED[language], {
      timeout: 60_000,
    });
    // The screen switched to the lesson that ran and shows the same outcome.
    await expect(screen.page.getByTestId('lesson-write-global')).toBeVisible();
    await expect(screen.page.getByTestId('phase')).toHaveText(FINISHED[language]);
    await expect(screen.page.getByTestId('headline-printed')).toHaveText('[0, 1]');
    await expect(screen.page.getByTestId('headline-parent')).toHaveText(
      (await teacher.page.getByTestId('headline-parent').textContent()) ?? '',
    );
    await noSidewaysOverflow(screen.page);
    await expectNoAxeViolations(screen.page, 'the watching screen');
    await screen.page.mouse.move(1, 1);
    await screen.page.screenshot({ path: join(SCREENSHOTS, `watch-853x480@1.5-${language}.png`) });
    expect([...teacher.problems, ...screen.problems], 'console errors').toEqual([]);
    await teacher.page.context().close();
    await screen.page.context().close();
  });
}

const PHASE_RUNNING = {
  en: 'Workers running the tasks',
  es: 'Los workers ejecutan las tareas',
} as const;

for (const language of LANGUAGES) {
  test(`a stopped worker in ${language}: joblib's timeout ends the run with TimeoutError, named, and the next run works`, async ({
    browser,
    host,
  }) => {
    test.skip(process.platform !== 'linux', 'finds the workers through /proc');
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.url}&lang=${language}#read-global`);
    await page.getByTestId('input-tasks').fill('20000');
    await page.getByTestId('input-timeout').fill('1');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('phase')).toHaveText(PHASE_RUNNING[language], {
      timeout: 30_000,
    });
    // Once tasks come back, every worker is in the middle of one: stop them all.
    await expect(page.locator('.process-map').getByText('→ 1.4').first()).toBeVisible();
    const workers = childrenOf(host.process.pid as number);
    for (const pid of workers) process.kill(pid, 'SIGSTOP');
    const panel = page.getByTestId('error-panel');
    await expect(panel).toHaveAttribute('data-error', 'TimeoutError', { timeout: 15_000 });
    await expect(page.getByTestId('error-raised')).toContainText('TimeoutError');
    const where = (await page.getByTestId('error-where').textContent()) ?? '';
    const victim = workers.find((pid) => where.includes(`pid ${pid},`));
    expect(victim, `the error names one of the stopped workers: ${where}`).toBeDefined();
    await expectNoAxeViolations(page, 'a run that timed out');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(SCREENSHOTS, `timeout-1280x720-${language}.png`) });
    // The worker over time was killed; the other, stopped, is replaced by the next run, which succeeds.
    await page.getByTestId('input-tasks').fill('');
    await page.getByTestId('input-timeout').fill('');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 1.4]', {
      timeout: 30_000,
    });
    const now = childrenOf(host.process.pid as number);
    expect(now.filter((pid) => workers.includes(pid))).toEqual([]);
    expect(problems, 'console errors on the page').toEqual([]);
    await page.context().close();
  });
}

test('the language chosen in the header is remembered by the lab, also in a new tab', async ({
  browser,
  host,
}) => {
  const first = await pageAt(browser, SIZES[0]);
  await first.page.goto(`${host.url}#read-global`);
  await first.page.getByLabel(/Language|Idioma/).selectOption('es');
  await expect(first.page.locator('html')).toHaveAttribute('lang', 'es');
  await expect.poll(() => savedSetting(first.page, 'language')).toBe('es');
  await first.page.reload();
  await expect(first.page.getByTestId('host-line')).toContainText('Proceso padre');
  // A new tab (a new browser context: no page storage shared) asks the lab.
  const second = await pageAt(browser, SIZES[0]);
  await second.page.goto(host.url);
  await expect(second.page.getByTestId('host-line')).toContainText('Proceso padre');
  // Back to English for the tests that follow on this host.
  await second.page.getByLabel(/Language|Idioma/).selectOption('en');
  await expect(second.page.getByTestId('host-line')).toContainText('Parent process');
  expect([...first.problems, ...second.problems], 'console errors').toEqual([]);
  await first.page.context().close();
  await second.page.context().close();
});

for (const language of LANGUAGES) {
  test(`kill a busy worker in ${language}: the run ends as joblib's TerminatedWorkerError, the card says SIGKILL, the next run starts fresh workers`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.url}&lang=${language}#read-global`);
    // 100,000 tasks keep the workers busy for seconds; the page keeps up (its task lists stay short).
    await page.getByTestId('input-tasks').fill('100000');
    await page.getByTestId('run-button').click();
    const card = page.getByTestId('worker-card').first();
    const kill = card.getByTestId('kill-worker');
    await expect(kill).toBeVisible({ timeout: 30_000 });
    const victim = Number(await card.getAttribute('data-pid'));
    await kill.click();
    await expect(page.getByTestId('error-panel')).toHaveAttribute(
      'data-error',
      'TerminatedWorkerError',
      {
        timeout: 15_000,
      },
    );
    await expect(page.getByTestId('error-raised')).toContainText('SIGKILL');
    await expect(page.getByTestId('error-where')).toContainText(String(victim));
    await expect(
      page.locator(
        `[data-testid="worker-card"][data-pid="${victim}"] [data-testid="worker-ended"]`,
      ),
    ).toContainText('SIGKILL');
    await expectNoAxeViolations(page, 'a run whose worker was killed');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(SCREENSHOTS, `kill-1280x720-${language}.png`) });
    const before = await cardPids(page);
    await page.getByTestId('input-tasks').fill('');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 1.4]', {
      timeout: 30_000,
    });
    const after = await cardPids(page);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    expect(problems, 'console errors on the page').toEqual([]);
    await page.context().close();
  });
}
