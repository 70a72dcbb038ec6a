/**
 * Teach, don't just show: predict, then run (the reveal marks the answer
 * against what the run showed, computed from its report), in English and
 * Spanish, at the desk and in presenter mode. Screenshots go to
 * artifacts/screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runReportSchema, type RunReport } from '../src/shared/report';
import { expect, needsBrowser, SCREENSHOTS, test } from './fixtures';
import {
  cardPids,
  expectNoAxeViolations,
  LANGUAGES,
  noSidewaysOverflow,
  pageAt,
  savedSetting,
  SIZES,
} from './room';
import { TWO_TASK_STEPS } from '../test/support/step-order';

needsBrowser();

const RIGHT = { en: 'Right', es: 'Correcto' } as const;

for (const language of LANGUAGES) {
  test(`predict, then run, in ${language}: a wrong answer and a right one, each marked against the run`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.printedUrl}&lang=${language}#read-global`);
    const question = page.getByTestId('question');
    await expect(question.getByTestId('question-prompt')).toContainText('MY_GLOBAL_VAR = 1.4');
    // Run waits for an answer.
    await expect(page.getByTestId('run-button')).toHaveCount(0);
    await expect(page.getByTestId('ask-first')).toBeVisible();
    await expectNoAxeViolations(page, 'a question before the run');
    await page.getByTestId('question-choice-nones').check();
    await page.getByTestId('run-button').click();
    const reveal = page.getByTestId('reveal');
    await expect(reveal).toHaveAttribute('data-verdict', 'wrong', { timeout: 30_000 });
    // The answer comes from the run: every task returned the parent's 1.4.
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 1.4]');
    await expect(reveal).toHaveAttribute('data-answer', 'copies');
    await expect(reveal.getByTestId('reveal-choice-copies')).toContainText('[1.4, 1.4]');
    await expect(reveal.getByTestId('reveal-choice-copies')).toContainText('✓');
    await expect(reveal.getByTestId('reveal-choice-nones')).toContainText('✗');
    // The answer stands once the run has revealed it.
    await expect(page.getByTestId('question-choice-nones')).toBeDisabled();
    await expect(page.getByTestId('why')).toBeVisible();
    await expectNoAxeViolations(page, 'a wrong answer revealed');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(SCREENSHOTS, `predict-wrong-1280x720-${language}.png`) });

    // Asked again with 3 workers and 5 tasks: the question follows the form.
    await page.getByTestId('ask-again').click();
    await expect(page.getByTestId('reveal')).toHaveCount(0);
    await page.getByTestId('input-workers').fill('3');
    await page.getByTestId('input-tasks').fill('5');
    await expect(page.getByTestId('question-choice-copies').locator('..')).toContainText(
      '[1.4, 1.4, …, 1.4]',
    );
    await page.getByTestId('question-choice-copies').check();
    await page.getByTestId('run-button').click();
    await expect(reveal).toHaveAttribute('data-verdict', 'right', { timeout: 30_000 });
    await expect(page.getByTestId('reveal-verdict')).toContainText(RIGHT[language]);
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 1.4, 1.4, 1.4, 1.4]');
    await noSidewaysOverflow(page);
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}

test('the dataset lessons: the answer is the candidate nearest the bytes the workers held; a skipped question still reveals', async ({
  page,
  host,
}) => {
  await page.goto(`${host.printedUrl}#full-copy`);
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('100000');
  // 100,000 rows of 8 bytes: 781.3 KiB, 4 copies 3.05 MiB, 5 copies 3.81 MiB.
  const choices = page.getByTestId('question').locator('label');
  await expect(choices).toHaveText([/781\.3 KiB \(1× /, /3\.05 MiB \(4× /, /3\.81 MiB \(5× /]);
  await page.getByTestId('question-choice-copy-each').check();
  await page.getByTestId('run-button').click();
  const reveal = page.getByTestId('reveal');
  await expect(reveal).toHaveAttribute('data-verdict', 'right', { timeout: 30_000 });
  await expect(reveal.getByTestId('reveal-choice-copy-each')).toContainText('✓');
  // The parent's copy too: five in all, in the headline.
  await expect(page.getByTestId('headline-copies')).toContainText('3.81 MiB');

  await page.goto(`${host.printedUrl}#partial-read`);
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('100000');
  await page.getByTestId('question-skip').click();
  await page.getByTestId('run-button').click();
  await expect(reveal).toHaveAttribute('data-verdict', 'skipped', { timeout: 30_000 });
  await expect(reveal).toHaveAttribute('data-answer', 'one-copy');
  await expect(page.getByTestId('reveal-verdict')).toContainText('781.3 KiB');
});

test('questions can be turned off, and the lab remembers it', async ({ page, host }) => {
  await page.goto(`${host.printedUrl}#change-global`);
  await expect(page.getByTestId('question')).toBeVisible();
  await page.getByTestId('questions-button').click();
  await expect(page.getByTestId('question')).toHaveCount(0);
  await expect(page.getByTestId('run-button')).toBeVisible();
  await expect.poll(() => savedSetting(page, 'questions')).toBe(false);
  await page.reload();
  await expect(page.getByTestId('run-button')).toBeVisible();
  await expect(page.getByTestId('question')).toHaveCount(0);
  // Back on, for the tests that follow on this host.
  await page.getByTestId('questions-button').click();
  await expect(page.getByTestId('question')).toBeVisible();
  await expect.poll(() => savedSetting(page, 'questions')).toBe(true);
});

for (const language of LANGUAGES) {
  test(`presenter mode in ${language}: the question fills the screen, a number chooses, Enter runs and reveals`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.printedUrl}&present=1&lang=${language}#change-global`);
    const stage = page.getByTestId('question-stage');
    await expect(stage).toBeVisible();
    await expect(page.locator('form.run-controls')).toHaveCount(0);
    await expectNoAxeViolations(page, 'the presenter’s question');
    await noSidewaysOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, `stage-1280x720-${language}.png`) });
    // Enter before an answer does nothing; 3 chooses "an error"; Enter runs.
    await page.keyboard.press('Enter');
    await expect(stage).toBeVisible();
    await page.keyboard.press('3');
    await expect(page.getByTestId('stage-choice-error')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    const reveal = page.getByTestId('reveal');
    await expect(reveal).toHaveAttribute('data-verdict', 'right', { timeout: 30_000 });
    await expect(reveal).toHaveAttribute('data-answer', 'error');
    await expect(page.getByTestId('error-panel')).toBeVisible();
    await page.mouse.move(1, 1);
    await reveal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `reveal-1280x720-${language}.png`) });
    // S skips: the lesson shows, with Run.
    await page.keyboard.press('ArrowLeft');
    await expect(stage).toBeVisible();
    await page.keyboard.press('s');
    await expect(page.getByTestId('run-button')).toBeVisible();
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}

/** How many pages a PDF has, from its page objects. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

for (const language of LANGUAGES) {
  test(`keep the class's work in ${language}: the JSON report as the lab gave it, and a one-page summary with the question, the answer, the result and the chart`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    const point = language === 'es' ? ',' : '.';
    await page.goto(`${host.printedUrl}&lang=${language}#partial-read`);
    await page.getByTestId('input-workers').fill('3');
    await page.getByTestId('input-rows').fill('20000');
    await page.getByTestId('question-choice-copy-each').check();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('reveal')).toHaveAttribute('data-verdict', 'wrong', {
      timeout: 30_000,
    });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^isolation-lab-partial-read-.+\.json$/);
    const saved = runReportSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(saved.params).toMatchObject({ nJobs: 3, rows: 20_000, experiment: 'partial-read' });
    await expect(page.getByTestId('headline-printed')).toHaveText(saved.printedResults ?? '');
    expect(saved.workers.map((w) => w.pid).sort()).toEqual((await cardPids(page)).sort());

    // Print: the page's print() is watched, then the print layout is looked at as the printer gets it.
    await page.evaluate(() => {
      const g = globalThis as unknown as { print: () => void; printed: number };
      g.printed = 0;
      g.print = () => void (g.printed += 1);
    });
    await page.getByTestId('export-summary').click();
    expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(
      1,
    );
    await page.emulateMedia({ media: 'print' });
    const summary = page.getByTestId('summary');
    await expect(summary).toBeVisible();
    await expect(page.getByTestId('run-button')).toBeHidden();
    await expect(page.getByTestId('summary-chosen')).toContainText(`468${point}8 KiB`);
    await expect(page.getByTestId('summary-verdict')).toContainText(`156${point}3 KiB`);
    await expect(summary).toContainText(saved.printedResults ?? '');
    await expect(summary.locator('tbody tr')).toHaveCount(3);
    for (const worker of saved.workers) await expect(summary).toContainText(String(worker.pid));
    // The chart, as a picture of the chart on screen: its series drawn in.
    const chart = summary.locator('img.summary__chart');
    await expect(chart).toBeVisible();
    const svg = decodeURIComponent(
      ((await chart.getAttribute('src')) ?? '').replace(/^data:image\/svg\+xml;charset=utf-8,/, ''),
    );
    expect(svg.match(/<path[^>]*class="recharts-curve/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(400);
    await page.screenshot({
      path: join(SCREENSHOTS, `summary-print-${language}.png`),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdfPages(pdf), 'the summary fits one page').toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}

test('a summary stays one page with 12 workers and 1,000 results, in Spanish, the longer language', async ({
  page,
  host,
}) => {
  await page.goto(`${host.printedUrl}&lang=es#full-copy`);
  await page.getByTestId('input-workers').fill('12');
  await page.getByTestId('input-tasks').fill('1000');
  await page.getByTestId('input-rows').fill('100000');
  await page.getByTestId('question-choice-copy-each-and-parent').check();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('reveal')).toHaveAttribute('data-verdict', 'wrong', {
    timeout: 60_000,
  });
  await page.evaluate(() => {
    (globalThis as unknown as { print: () => void }).print = () => undefined;
  });
  await page.getByTestId('export-summary').click();
  await page.emulateMedia({ media: 'print' });
  const summary = page.getByTestId('summary');
  // Four workers listed, the other eight counted; the results cut short, all of them in the JSON.
  await expect(summary.locator('tbody tr')).toHaveCount(5);
  await expect(summary).toContainText('8 workers más');
  await expect(summary).toContainText('204950, 21 …');
  await page.screenshot({
    path: join(SCREENSHOTS, 'summary-print-12-workers-es.png'),
    fullPage: true,
  });
  expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
});

/** The report of the run on screen, as its JSON export gives it. */
async function exportedReport(page: Page): Promise<RunReport> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  return runReportSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
}

/** Steps a stepwise run to its end: at each hold, what the step says and which card it points at. */
async function stepToTheEnd(
  page: Page,
  shot: (kind: string, n: number) => Promise<void>,
): Promise<{ kind: string; text: string; focus: string | null }[]> {
  const seen: { kind: string; text: string; focus: string | null }[] = [];
  const steps = page.getByTestId('step');
  for (;;) {
    // The run holds at its next point (Next step enabled), or it has ended (its export offered).
    const holding = page.locator('[data-testid="next-step"]:enabled');
    await expect(holding.or(page.getByTestId('run-export'))).toBeVisible({ timeout: 30_000 });
    if (await page.getByTestId('run-export').isVisible()) return seen;
    const current = page.locator('[data-testid="step"][aria-current="step"]');
    const kind = (await current.getAttribute('data-kind')) ?? '';
    const focused = page.locator('[data-focus]');
    const focus = (await focused.count()) ? await focused.first().getAttribute('data-pid') : null;
    seen.push({ kind, text: (await current.textContent()) ?? '', focus });
    // The phase line says the run waits for the class, in the page's language.
    await expect(page.getByTestId('phase')).toHaveText(
      /^(Held until the next step|En pausa hasta el siguiente paso)(: |$)/,
    );
    await shot(kind, seen.length);
    // Held: nothing moves until the Step.
    const count = await steps.count();
    await page.waitForTimeout(150);
    expect(await steps.count()).toBe(count);
    await expect(page.getByTestId('run-export')).toHaveCount(0);
    await page.keyboard.press('n');
  }
}

for (const language of LANGUAGES) {
  test(`step through read-global and partial-read in ${language}: each phase held, and each one's content is the run's`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.url}&lang=${language}#read-global`);
    await page.getByTestId('step-button').click();
    const read = await stepToTheEnd(page, async (kind, n) => {
      if (kind === 'installed' && n === 4) {
        await expectNoAxeViolations(page, 'a stepwise run holding');
        await page.mouse.move(1, 1);
        await page.screenshot({ path: join(SCREENSHOTS, `step-1280x720-${language}.png`) });
      }
    });
    const report = await exportedReport(page);
    expect(read.map((s) => s.kind)).toEqual([...TWO_TASK_STEPS]);
    const pids = report.workers.map((w) => String(w.pid));
    expect(read[0]?.text).toContain('MY_GLOBAL_VAR = 1.4');
    expect(read[0]?.focus).toBe(String(report.main.pid));
    expect(read[1]?.text).toContain('MY_GLOBAL_VAR');
    expect(read[1]?.text).toContain('return_global_var');
    // Each copy arrives at its own worker, whose card the step points at.
    expect(read.filter((s) => s.kind === 'installed').map((s) => s.focus)).toEqual(pids);
    for (const step of read.filter((s) => s.kind === 'installed'))
      expect(step.text).toContain(`pid ${step.focus}`);
    const running = read.filter((s) => s.kind === 'running');
    expect(running.map((s) => s.focus).sort()).toEqual([...pids].sort());
    for (const step of running) expect(step.text).toContain('return_global_var()');
    expect(
      read
        .filter((s) => s.kind === 'returned')
        .map((s) => s.text)
        .join(),
    ).toMatch(/1\.4.*1\.4/);
    expect(read.at(-1)?.text).toContain(report.printedResults ?? '?');
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 1.4]');

    await page.goto(`${host.url}&lang=${language}#partial-read`);
    await page.getByTestId('step-button').click();
    const chunks = await stepToTheEnd(page, async () => undefined);
    const partial = await exportedReport(page);
    expect(partial.printedResults).toBe('[((50, 1), 1225), ((50, 1), 3725)]');
    expect(chunks.find((s) => s.kind === 'serialised')?.text).toContain('read_and_sum_data');
    expect(chunks.filter((s) => s.kind === 'running').map((s) => s.text)).toEqual([
      expect.stringContaining('read_and_sum_data(0, 50)'),
      expect.stringContaining('read_and_sum_data(50, 100)'),
    ]);
    expect(chunks.filter((s) => s.kind === 'returned').map((s) => s.text)).toEqual([
      expect.stringContaining('((50, 1), 1225)'),
      expect.stringContaining('((50, 1), 3725)'),
    ]);
    expect(chunks.at(-1)?.text).toContain(partial.printedResults ?? '?');
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}

for (const language of LANGUAGES) {
  test(`the back row (853×480 at 1.5) in ${language}: the question, its reveal and a held step, readable and nothing sideways`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[2]);
    await page.goto(`${host.printedUrl}&lang=${language}#read-global`);
    const question = page.getByTestId('question');
    await question.scrollIntoViewIfNeeded();
    await noSidewaysOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, `question-853x480@1.5-${language}.png`) });
    await page.getByTestId('question-choice-copies').check();
    await page.getByTestId('run-button').click();
    const reveal = page.getByTestId('reveal');
    await expect(reveal).toHaveAttribute('data-verdict', 'right', { timeout: 30_000 });
    await reveal.scrollIntoViewIfNeeded();
    await noSidewaysOverflow(page);
    await expectNoAxeViolations(page, 'the reveal at the back row');
    await page.screenshot({ path: join(SCREENSHOTS, `reveal-853x480@1.5-${language}.png`) });
    await page.getByTestId('ask-again').click();
    await page.getByTestId('question-choice-copies').check();
    await page.getByTestId('step-button').click();
    // Held at its third point: the first worker's copy arrived.
    for (let held = 1; held < 3; held += 1) {
      await expect(page.locator('[data-testid="next-step"]:enabled')).toBeVisible();
      await page.getByTestId('next-step').click();
    }
    await expect(page.locator('[data-testid="step"][aria-current="step"]')).toHaveAttribute(
      'data-kind',
      'installed',
    );
    await page.getByTestId('step-panel').scrollIntoViewIfNeeded();
    await noSidewaysOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, `step-853x480@1.5-${language}.png`) });
    await page.getByTestId('cancel-button').click();
    await expect(page.getByTestId('phase')).toContainText(/Cancel/);
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}
