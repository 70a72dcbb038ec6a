/**
 * The lessons beyond the seed, held against what joblib really does
 * (../shared/anchors/joblib_reuse.py): a worker changes its own copy, and a
 * reused worker remembers its module's globals until it is restarted. In
 * English and Spanish, with screenshots in artifacts/screenshots.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, needsBrowser, SCREENSHOTS, test } from './fixtures';
import { expectNoAxeViolations, LANGUAGES, pageAt, SIZES } from './room';

needsBrowser();

/** (pid, CALLS) pairs from the printed results. */
async function counts(page: Page): Promise<[number, number][]> {
  const text = (await page.getByTestId('results-printed').textContent()) ?? '';
  return [...text.matchAll(/\((\d+), (\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

async function run(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('results-printed')).toBeVisible({ timeout: 30_000 });
}

for (const language of LANGUAGES) {
  test(`global-write in ${language}: each task changes its own copy, [1.4, 2.4] and 1.4 … 6.4, the parent keeps 1.4`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.url}&lang=${language}#global-write`);
    await run(page);
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 2.4]');
    await expect(page.getByTestId('headline-parent')).toHaveText('MY_GLOBAL_VAR = 1.4');
    await expect(page.getByTestId('results-verdict')).toContainText('✔');
    await page.getByTestId('input-tasks').fill('6');
    await run(page);
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 2.4, 3.4, 4.4, 5.4, 6.4]');
    await expect(page.getByTestId('headline-parent')).toHaveText('MY_GLOBAL_VAR = 1.4');
    // Why it differs: the notebook ran two tasks (this lesson has no rows to name).
    await expect(page.getByTestId('results-verdict')).toHaveText(
      language === 'en'
        ? 'Differs from the notebook, which ran 2 tasks on 2 workers'
        : 'Distinto del notebook, que ejecutó 2 tareas con 2 workers',
    );
    await expectNoAxeViolations(page, 'global-write after a run');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(SCREENSHOTS, `global-write-1280x720-${language}.png`) });
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });

  test(`worker-reuse in ${language}: a notebook function counts 1 every time; imported from a module, each worker counts on, across runs, until the workers restart`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.url}&lang=${language}#worker-reuse`);
    await page.getByTestId('input-tasks').fill('6');
    await run(page);
    expect((await counts(page)).map(([, n]) => n)).toEqual([1, 1, 1, 1, 1, 1]);
    await expect(page.getByTestId('headline-parent')).toHaveText('CALLS = 0');

    await page.getByTestId('input-defined-in').selectOption('module');
    await page.getByTestId('restart-workers').click();
    await expect(page.getByTestId('restarted')).not.toBeEmpty();
    await run(page);
    // The cell the run ran: the function imported from tasks.py.
    await expect(page.getByTestId('python-source')).toContainText('from tasks import count_calls');
    const first = await counts(page);
    const perWorker = new Map<number, number>();
    for (const [pid, n] of first) {
      expect(n).toBe((perWorker.get(pid) ?? 0) + 1);
      perWorker.set(pid, n);
    }
    expect([...perWorker.values()].reduce((a, b) => a + b, 0)).toBe(6);
    // The task stream: one bar per task, in the lane of the worker that ran it.
    const bars = page.getByTestId('task-stream').locator('rect');
    await expect(bars).toHaveCount(6);
    const tasks = await bars.evaluateAll((rects) =>
      rects.map((r) => Number(r.getAttribute('data-task'))).sort((a, b) => a - b),
    );
    expect(tasks).toEqual([0, 1, 2, 3, 4, 5]);
    await page
      .getByTestId('task-stream')
      .screenshot({ path: join(SCREENSHOTS, `task-stream-${language}.png`) });
    // The next run goes on where each worker stood.
    await run(page);
    const second = await counts(page);
    for (const [pid, n] of second) {
      expect(n).toBe((perWorker.get(pid) ?? 0) + 1);
      perWorker.set(pid, n);
    }
    await expect(page.getByTestId('headline-parent')).toHaveText('CALLS = 0');
    await expectNoAxeViolations(page, 'worker-reuse imported from a module');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(SCREENSHOTS, `worker-reuse-1280x720-${language}.png`) });
    // Restarted: new workers, counting from 1 again.
    await page.getByTestId('restart-workers').click();
    await run(page);
    const fresh = await counts(page);
    expect(fresh.some(([pid]) => perWorker.has(pid))).toBe(false);
    const firstOf = new Map<number, number>();
    for (const [pid, n] of fresh) if (!firstOf.has(pid)) firstOf.set(pid, n);
    expect([...firstOf.values()].every((n) => n === 1)).toBe(true);
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}

test('worker-reuse asks its question: the reveal reads the counts the run returned', async ({
  page,
  host,
}) => {
  await page.goto(`${host.printedUrl}#worker-reuse`);
  await page.getByTestId('input-tasks').fill('6');
  await page.getByTestId('input-defined-in').selectOption('module');
  await expect(page.getByTestId('question-prompt')).toContainText('in a module');
  await page.getByTestId('question-choice-per-worker').check();
  await page.getByTestId('restart-workers').click();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('reveal')).toHaveAttribute('data-verdict', 'right', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('reveal')).toHaveAttribute('data-answer', 'per-worker');
});

for (const language of LANGUAGES) {
  test(`shared-memory in ${language}: each thread's own global, one shared dataset, and the race a plain += loses`, async ({
    browser,
    host,
  }) => {
    const { page, problems } = await pageAt(browser, SIZES[0]);
    await page.goto(`${host.printedUrl}&lang=${language}#shared-memory`);
    await page.getByTestId('input-workers').fill('4');
    await page.getByTestId('question-choice-plain-short').check();
    await page.getByTestId('run-button').click();
    const reveal = page.getByTestId('reveal');
    await expect(reveal).toHaveAttribute('data-verdict', /right|wrong/, { timeout: 60_000 });
    await expect(page.getByTestId('headline-printed')).toHaveText('[1.4, 2.4, 3.4, 4.4]');
    await expect(page.getByTestId('thread-row')).toHaveCount(4);
    const race = (await page.getByTestId('threads-race').textContent()) ?? '';
    const numbers = [...race.matchAll(/\d[\d.,]*/g)].map((m) => Number(m[0].replace(/[.,]/g, '')));
    const [expected, plain, lost, atomic] = numbers;
    expect(expected).toBe(4_000_000);
    expect(atomic).toBe(expected);
    expect((plain ?? 0) + (lost ?? 0)).toBe(expected);
    // The reveal reads the same race: right when the plain += lost updates, as it nearly always does.
    await expect(reveal).toHaveAttribute(
      'data-answer',
      plain === expected ? 'both-exact' : 'plain-short',
    );
    await expectNoAxeViolations(page, 'shared-memory after a run');
    await page.mouse.move(1, 1);
    await page.getByTestId('threads').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `shared-memory-1280x720-${language}.png`) });
    expect(problems, 'console errors').toEqual([]);
    await page.context().close();
  });
}
