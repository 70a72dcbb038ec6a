/**
 * Every lesson through the UI, in Debian's Chromium against the browser host:
 * what a student sees after pressing Run, checked value by value, and a
 * screenshot of each lesson at 1280×720 in artifacts/screenshots.
 */
import type { Page } from '@playwright/test';
import { expect, needsBrowser, screenshot, test } from './fixtures';

needsBrowser();

/** Opens a lesson, presses Run and waits for the run to finish. */
async function runLesson(page: Page, url: string, lesson: string): Promise<void> {
  await page.goto(`${url}#${lesson}`);
  await expect(page.getByTestId(`lesson-${lesson}`)).toBeVisible();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText(/Finished/, { timeout: 60_000 });
}

async function hostPid(page: Page): Promise<number> {
  return Number(await page.getByTestId('main-card').getAttribute('data-pid'));
}

async function workerPids(page: Page): Promise<number[]> {
  const cards = page.getByTestId('worker-card');
  const pids = await cards.evaluateAll((elements) =>
    elements.map((e) => Number(e.getAttribute('data-pid'))),
  );
  return pids;
}

async function expectSeparateProcesses(page: Page, count: number): Promise<number[]> {
  await expect(page.getByTestId('worker-card')).toHaveCount(count);
  const pids = await workerPids(page);
  const parent = await hostPid(page);
  expect(new Set(pids).size).toBe(count);
  expect(pids.every((pid) => Number.isInteger(pid) && pid > 0 && pid !== parent)).toBe(true);
  await expect(page.getByTestId('host-line')).toContainText(`pid ${parent}`);
  return pids;
}

test('read-global: each worker shows its own copy of MY_GLOBAL_VAR and returns 1.4', async ({
  page,
  host,
}) => {
  await runLesson(page, host.url, 'read-global');
  await expectSeparateProcesses(page, 2);
  await expect(page.getByTestId('results-printed')).toHaveText('[1.4, 1.4]');
  await expect(page.getByTestId('results-verdict')).toContainText('Same as the notebook');
  await expect(page.getByTestId('main-globals')).toHaveText('MY_GLOBAL_VAR = 1.4');
  for (const card of await page.getByTestId('worker-card').all()) {
    await expect(card.getByTestId('worker-received')).toHaveText('MY_GLOBAL_VAR = 1.4');
    await expect(card.getByTestId('worker-task')).toHaveText(/task \d → 1\.4/);
    await expect(card).toHaveAttribute('data-state', 'done');
  }
  await expect(page.getByTestId('verbose-log')).toContainText(
    'Using backend ChildProcessBackend with 2 concurrent workers.',
  );
  await expect(page.getByTestId('verbose-log')).toContainText(
    /Done {3}2 out of {3}2 \| elapsed: +\d+\.\ds finished/,
  );
  await screenshot(page, '1-read-global');
});

test('write-global: the workers return their locals and the parent keeps 1.4', async ({
  page,
  host,
}) => {
  await runLesson(page, host.url, 'write-global');
  await expectSeparateProcesses(page, 2);
  await expect(page.getByTestId('results-printed')).toHaveText('[0, 1]');
  await expect(page.getByTestId('parent-after')).toHaveText('MY_GLOBAL_VAR = 1.4');
  await expect(page.getByTestId('worker-received-none')).toHaveCount(2);
  const values = await page.getByTestId('worker-task').allTextContents();
  expect(values.sort()).toEqual(['task 0 → 0', 'task 1 → 1']);
  await screenshot(page, '2-write-global');
});

test('change-global: the worker raises, the error names its pid, the parent keeps 1.4', async ({
  page,
  host,
}) => {
  await runLesson(page, host.url, 'change-global');
  const pids = await expectSeparateProcesses(page, 2);
  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('error-raised')).toHaveText(
    'TypeError: Assignment to constant variable.',
  );
  const where = (await page.getByTestId('error-where').textContent()) ?? '';
  const failedPid = Number(/pid (\d+)/.exec(where)?.[1]);
  expect(pids).toContain(failedPid);
  await expect(
    page.locator(`[data-testid="worker-card"][data-pid="${failedPid}"]`),
  ).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('error-stack')).toContainText('add_to_global_var.js:2');
  await expect(panel).toContainText(
    "UnboundLocalError: cannot access local variable 'MY_GLOBAL_VAR'",
  );
  await expect(page.getByTestId('parent-after')).toHaveText('MY_GLOBAL_VAR = 1.4');
  await screenshot(page, '3-change-global');
});

test('full-copy: every worker received the whole dataset; sums 1225 and 3725', async ({
  page,
  host,
}) => {
  await runLesson(page, host.url, 'full-copy');
  await expectSeparateProcesses(page, 2);
  await expect(page.getByTestId('results-printed')).toHaveText('[1225, 3725]');
  await expect(page.getByTestId('worker-received')).toHaveText([
    'my_global_df = DataFrame 100 rows × 1 column (800 B)',
    'my_global_df = DataFrame 100 rows × 1 column (800 B)',
  ]);
  await expect(page.getByTestId('duplication')).toContainText('2.0×');
  await screenshot(page, '4-full-copy');
});

test('partial-read: each worker read its own 50 rows from my_database.xlsx', async ({
  page,
  host,
}) => {
  await runLesson(page, host.url, 'partial-read');
  await expectSeparateProcesses(page, 2);
  await expect(page.getByTestId('results-printed')).toHaveText(
    '[((50, 1), 1225), ((50, 1), 3725)]',
  );
  await expect(page.getByTestId('worker-received-none')).toHaveCount(2);
  await expect(page.getByTestId('duplication')).toContainText('1.0×');
  // Each card says how much of the file its worker read, and that it was verified.
  await expect(page.getByTestId('worker-read')).toHaveText([
    /^Read \d+ B of the sheet’s \d+ B in the file \(100%\) and inflated 4\.\d KiB, from row 2 on\. Every byte it inflated matched its CRC-32 checksum\.$/,
    /^Read \d+ B of the sheet’s \d+ B in the file \(100%\) and inflated 4\.\d KiB, from row 2 on\. Every byte it inflated matched its CRC-32 checksum\.$/,
  ]);
  await screenshot(page, '5-partial-read');
});

test('the pool is reused: a second run shows the same worker pids', async ({ page, host }) => {
  await runLesson(page, host.url, 'read-global');
  const first = await workerPids(page);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText(/Finished/);
  expect(await workerPids(page)).toEqual(first);
});

test('three workers split 100 rows as 34, 33, 33', async ({ page, host }) => {
  await page.goto(`${host.url}#partial-read`);
  await page.getByTestId('input-workers').fill('3');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText(/Finished/, { timeout: 60_000 });
  await expectSeparateProcesses(page, 3);
  await expect(page.getByTestId('results-printed')).toHaveText(
    '[((34, 1), 561), ((33, 1), 1650), ((33, 1), 2739)]',
  );
  await expect(page.getByText('would drop 1 rows here')).toBeVisible();
});

test('a bad value gets a clear message and starts nothing', async ({ page, host }) => {
  await page.goto(`${host.url}#read-global`);
  await page.getByTestId('input-workers').fill('40');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toContainText(
    'Invalid workers (nJobs): 40. Allowed: a whole number from 1 to 32.',
  );
  await expect(page.getByTestId('worker-card')).toHaveCount(0);
});

test('a run can be cancelled halfway, and the next run works', async ({ page, host }) => {
  await page.goto(`${host.url}#full-copy`);
  // Four copies of 20,000,000 rows (153 MiB each) take seconds to send: cancel while they go.
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('20000000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText('Workers running the tasks', {
    timeout: 30_000,
  });
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('error-panel')).toHaveAttribute('data-error', 'CancelledError', {
    timeout: 30_000,
  });
  // It says where it stopped, not "Finished", and shows nothing it had half measured.
  await expect(page.getByTestId('phase')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('phase')).toHaveText(
    /^Cancelled while: Workers running the tasks\. The run did not finish/,
  );
  await expect(page.getByTestId('results-printed')).toHaveCount(0);
  await expect(page.getByTestId('takeaway')).toHaveCount(0);
  await expect(page.getByTestId('worker-memory')).toHaveCount(0);
  await expect(page.getByTestId('chart-timeline')).toHaveCount(0);
  await page.getByTestId('input-workers').fill('2');
  await page.getByTestId('input-rows').fill('100');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('results-printed')).toHaveText('[1225, 3725]', {
    timeout: 60_000,
  });
});

test('the whole UI speaks Spanish too', async ({ page, host }) => {
  await page.goto(`${host.url}&lang=es#read-global`);
  await expect(page.getByRole('heading', { name: 'Leer una variable global' })).toBeVisible();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText('Terminado');
  await expect(page.getByTestId('results-printed')).toHaveText('[1.4, 1.4]');
  await screenshot(page, '6-read-global-es');
});

test('a run too big for this machine is refused with the estimate, before anything starts', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#full-copy`);
  await page.getByTestId('input-workers').fill('16');
  await page.getByTestId('input-rows').fill('100000000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toContainText(
    'Refused before starting: full-copy with 16 workers and 100,000,000 rows needs about',
  );
  await expect(page.getByTestId('run-error')).toContainText('but the budget is');
  await expect(page.getByTestId('worker-card')).toHaveCount(0);
});

test('the text follows the run: takeaway, Python cell, and the form kept with its results', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#read-global`);
  await page.getByTestId('input-workers').fill('3');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText(/Finished/, { timeout: 60_000 });
  await expect(page.getByTestId('takeaway')).toContainText(
    'The 3 tasks returned [1.4, 1.4, 1.4], each in a worker process of its own',
  );
  await expect(page.getByTestId('python-source')).toContainText('n_workers = 3');

  await page.getByTestId('lesson-link-full-copy').click();
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('1000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText(/Finished/, { timeout: 60_000 });
  await expect(page.getByTestId('python-source')).toContainText('np.arange(1000)');
  await expect(page.getByTestId('takeaway')).toContainText(
    'each worker received the whole dataset (7.8 KiB), 4 workers in all: it was in memory 5 times',
  );
  // Another lesson and back: the form and the results are still together.
  await page.getByTestId('lesson-link-write-global').click();
  await expect(page.getByTestId('lesson-write-global')).toBeVisible();
  await page.getByTestId('lesson-link-full-copy').click();
  await expect(page.getByTestId('input-rows')).toHaveValue('1000');
  await expect(page.getByTestId('input-workers')).toHaveValue('4');
  await expect(page.getByTestId('results-printed')).toHaveText('[31125, 93625, 156125, 218625]');
});

test('in Spanish, the takeaway follows the run too', async ({ page, host }) => {
  await page.goto(`${host.url}&lang=es#write-global`);
  await page.getByTestId('input-workers').fill('3');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText('Terminado', { timeout: 60_000 });
  await expect(page.getByTestId('takeaway')).toContainText(
    'Resultado de 3 tareas: [0, 1, 2], cada una su propia variable local. El padre sigue teniendo MY_GLOBAL_VAR = 1.4',
  );
});

test('errors from the lab speak Spanish too, with Spanish numbers', async ({ page, host }) => {
  await page.goto(`${host.url}&lang=es#full-copy`);
  await page.getByTestId('input-workers').fill('40');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toHaveText(
    'No se puede ejecutar: Número de workers (nJobs) no válido: 40. Se permite: un número entero de 1 a 32.',
  );
  await page.getByTestId('input-workers').fill('16');
  await page.getByTestId('input-rows').fill('100000000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toContainText(
    'Rechazado antes de empezar: full-copy con 16 workers y 100.000.000 filas necesita cerca de',
  );
  await expect(page.getByTestId('worker-card')).toHaveCount(0);
});
