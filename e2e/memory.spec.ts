/**
 * The memory lesson in Chromium: the three strategies at 4 workers and
 * 1,000,000 rows, then one chosen alone; the charts drawn with their series,
 * the table's numbers equal to the data the app exports, and the figures a
 * skeptic would check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, needsBrowser, screenshot, SCREENSHOTS, test } from './fixtures';

needsBrowser();

const mib = (text: string | null): number => Number((text ?? '').replace(/[^\d.]/g, ''));

// The lesson runs first: after the comparison's exports (seconds of idle workers), a
// worker's baseline can include ~0.8 MiB that V8 releases during the next run.
test('full-copy lesson: a live timeline of every process, the parent and each worker', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#full-copy`);
  await page.getByTestId('input-rows').fill('2000000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toHaveText(/Finished/, { timeout: 60_000 });
  const timeline = page.getByTestId('chart-timeline');
  await expect(timeline.locator('.recharts-legend-item')).toHaveCount(3);
  await expect(timeline.locator('.recharts-legend-item').first()).toContainText('Parent');
  // Each worker card says what its copy cost: 2,000,000 rows are 15.26 MiB.
  await expect(page.getByTestId('worker-memory')).toHaveCount(2);
  for (const text of await page.getByTestId('worker-memory').allTextContents()) {
    expect(text).toMatch(
      /^Holds 15\.26 MiB of dataset; its memory grew by 1[5-7]\.\d\d MiB \((USS|RSS)\)\.$/,
    );
  }
  await screenshot(page, '9-full-copy-2M-rows');
});

test('compare: full copy 4.00×, partial read 1.00×, shared memory one copy in the threads’ process; charts and table from the same measurements', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#compare`);
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('1000000');
  await expect(page.getByTestId('input-sweep')).toBeChecked();
  for (const strategy of ['full-copy', 'partial-read', 'shared-memory'])
    await expect(page.getByTestId(`input-strategy-${strategy}`)).toBeChecked();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('chart-timeline-live')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('chart-bars')).toBeVisible({ timeout: 120_000 });

  // The bars: nine series (each strategy's dataset / V8 heap / the rest), one group per process.
  const bars = page.getByTestId('chart-bars');
  for (const strategy of ['Full copy', 'Partial read', 'Shared memory (threads)'])
    for (const part of ['dataset', 'V8 heap', 'the rest'])
      await expect(
        bars.locator('.recharts-legend-item', { hasText: `${strategy}: ${part}` }),
      ).toHaveCount(1);
  await expect(
    bars.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
  ).toHaveText(['Parent', 'Worker 1', 'Worker 2', 'Worker 3', 'Worker 4', 'Threads']);
  expect(await bars.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(11);

  // The scaling chart: measured and ideal for each, at 1 … 4 workers.
  const scaling = page.getByTestId('chart-scaling');
  await expect(scaling.locator('.recharts-legend-item')).toHaveCount(6);
  await expect(
    scaling.locator('.recharts-legend-item', { hasText: 'Shared memory (threads), ideal 1·D' }),
  ).toHaveCount(1);
  await expect(
    scaling.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
  ).toHaveText(['1', '2', '3', '4']);
  // Shared memory's measured points are squares, the full copy's filled circles.
  expect(await scaling.locator('rect[fill="#CC79A7"]').count()).toBe(4);
  await expect(
    page.getByTestId('chart-timeline-full-copy').locator('.recharts-legend-item'),
  ).toHaveCount(5);
  await expect(
    page.getByTestId('chart-timeline-shared-memory').locator('.recharts-legend-item'),
  ).toHaveCount(2);

  // The table: counted bytes are exact, measured growth is near them, duplication as the issue says.
  await expect(page.getByTestId('full-copy-duplication')).toHaveText('4.00×');
  await expect(page.getByTestId('partial-read-duplication')).toHaveText('1.00×');
  await expect(page.getByTestId('shared-memory-duplication')).toHaveText('1.00×');
  await expect(page.getByTestId('shared-memory-ideal')).toHaveText('7.63 = 1·D');
  const rows = page.locator('[data-testid="memory-row"][data-role="worker"]');
  await expect(rows).toHaveCount(4);
  for (const row of await rows.all()) {
    await expect(row.getByTestId('full-copy-counted')).toHaveText('7.63');
    await expect(row.getByTestId('partial-read-counted')).toHaveText('1.91');
    await expect(row.getByTestId('shared-memory-counted')).toHaveText('');
    const full = mib(await row.getByTestId('full-copy-measured').textContent());
    expect(full).toBeGreaterThan(7.63 * 0.9);
    expect(full).toBeLessThan(7.63 * 1.1);
    expect(mib(await row.getByTestId('partial-read-measured').textContent())).toBeLessThanOrEqual(
      1.91 + 8,
    );
  }
  // The parent holds no copy for the threads; their one process holds one, and little beside.
  const parent = page.locator('[data-testid="memory-row"][data-role="main"]');
  await expect(parent.getByTestId('shared-memory-counted')).toHaveText('0.00');
  const threads = page.locator('[data-testid="memory-row"][data-role="threads"]');
  await expect(threads.getByRole('rowheader')).toHaveText('Threads’ process (4 threads)');
  await expect(threads.getByTestId('shared-memory-counted')).toHaveText('7.63');
  await expect(threads.getByTestId('full-copy-counted')).toHaveText('');
  const shared = mib(await threads.getByTestId('shared-memory-measured').textContent());
  expect(shared).toBeGreaterThan(7.63 * 0.95);
  expect(shared).toBeLessThan(7.63 + 4);
  await expect(page.getByTestId('summary-shared-memory')).toHaveText(
    /^Shared memory \(threads\): the threads’ one process holds 1\.00× the dataset \(7\.63 MiB\); measured growth \d+\.\d\d MiB\.$/,
  );
  await expect(page.getByTestId('threads-note')).toContainText(
    'Shared memory runs its 4 threads in one process',
  );
  const heap = /grew by at most ([\d.]+) KiB/.exec(
    (await page.getByTestId('threads-note').textContent()) ?? '',
  );
  expect(Number(heap?.[1])).toBeLessThan(1024);

  // The exported data is what the table shows.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8').split('\n');
  const fullWorkers = csv.filter((line) => line.startsWith('full-copy,worker,'));
  expect(fullWorkers).toHaveLength(4);
  const measuredInTable = await rows.getByTestId('full-copy-measured').allTextContents();
  const inMiB = (line: string): string => (Number(line.split(',')[7]) / 1024 / 1024).toFixed(2);
  expect(measuredInTable).toEqual(fullWorkers.map(inMiB));
  const threadsLine = csv.filter((line) => line.startsWith('shared-memory,threads,'));
  expect(threadsLine.map(inMiB)).toEqual([
    await threads.getByTestId('shared-memory-measured').textContent(),
  ]);
  expect(csv.filter((line) => /^shared-memory,\d+,\d+$/.test(line))).toHaveLength(4);

  // Charts save for a slide: the whole chart with its title, the run's settings, legend and axes.
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('chart-bars-svg').click(),
  ]);
  const svgText = readFileSync((await svg.path()) as string, 'utf8');
  const chartBox = await bars.locator('.recharts-wrapper > svg.recharts-surface').boundingBox();
  const rootSize = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgText);
  expect(Number(rootSize?.[1])).toBe(Math.round(chartBox?.width ?? 0));
  expect(Number(rootSize?.[2])).toBeGreaterThan(Math.round(chartBox?.height ?? 0) + 60);
  // The settings wrap into lines as wide as the chart: read as one text.
  const svgWords = svgText.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(svgWords).toContain(
    '4 workers · 1,000,000 rows · full copy, partial read, shared memory (threads)',
  );
  for (const text of [
    '>What each process holds<',
    '>Full copy: dataset<',
    '>Partial read: the rest<',
    '>Shared memory (threads): dataset<',
    '>Parent<',
    '>Worker 4<',
    '>MiB<',
  ])
    expect(svgText).toContain(text);
  expect(svgText).toContain('<pattern id="fill-sharedMemoryDataset"');
  expect(svgText.match(/<path /g)?.length ?? 0).toBeGreaterThanOrEqual(11);
  expect(svgText).not.toContain('role="worker"');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('chart-bars-png').click(),
  ]);
  // Kept beside the screenshots, to be looked at.
  await png.saveAs(join(SCREENSHOTS, 'export-chart-bars.png'));
  await svg.saveAs(join(SCREENSHOTS, 'export-chart-bars.svg'));
  const pngBytes = readFileSync((await png.path()) as string);
  expect(pngBytes.subarray(12, 16).toString()).toBe('IHDR');
  const pngWidth = pngBytes.readUInt32BE(16);
  const pngHeight = pngBytes.readUInt32BE(20);
  expect(pngWidth).toBeGreaterThanOrEqual(1600);
  expect(pngHeight / pngWidth).toBeCloseTo(Number(rootSize?.[2]) / Number(rootSize?.[1]), 2);

  // The three timelines share one scale.
  const topTick = async (id: string): Promise<string | null> =>
    page
      .getByTestId(id)
      .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .last()
      .textContent();
  const top = await topTick('chart-timeline-full-copy');
  expect(await topTick('chart-timeline-partial-read')).toBe(top);
  expect(await topTick('chart-timeline-shared-memory')).toBe(top);

  await screenshot(page, '7-memory-compare');
  await page.getByTestId('memory-table').scrollIntoViewIfNeeded();
  await screenshot(page, '8-memory-table');
  await page.getByTestId('chart-scaling').scrollIntoViewIfNeeded();
  await screenshot(page, '8-memory-scaling');
});

test('compare chooses its strategies: none is refused in words, one runs alone', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#compare`);
  await page.getByTestId('input-sweep').uncheck();
  for (const strategy of ['full-copy', 'partial-read', 'shared-memory'])
    await page.getByTestId(`input-strategy-${strategy}`).uncheck();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toHaveText(
    'Choose at least one strategy to compare.',
  );
  await expect(page.getByTestId('phase')).toHaveCount(0);

  await page.getByTestId('input-strategy-shared-memory').check();
  await page.getByTestId('input-workers').fill('3');
  await page.getByTestId('input-rows').fill('300000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('chart-bars')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('memory-table').locator('thead th')).toHaveText([
    'Process',
    'Shared memory (threads)',
    'Held',
    'Grew',
  ]);
  await expect(
    page
      .getByTestId('chart-bars')
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
  ).toHaveText(['Parent', 'Threads']);
  await expect(page.getByTestId('summary-full-copy')).toHaveCount(0);
  await expect(page.getByTestId('chart-timeline-full-copy')).toHaveCount(0);
  await expect(page.getByTestId('chart-scaling')).toHaveCount(0);
  await expect(page.getByTestId('shared-memory-ideal')).toHaveText('2.29 = 1·D');
});

test('a cancelled comparison says where it stopped and shows no figures', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#compare`);
  await page.getByTestId('input-workers').fill('4');
  await page.getByTestId('input-rows').fill('1000000');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('phase')).toContainText('Partial read, 4 workers', {
    timeout: 60_000,
  });
  await page.getByTestId('cancel-button').click();
  const stopped = page.getByTestId('compare-stopped');
  await expect(stopped).toHaveAttribute('data-outcome', 'cancelled', { timeout: 60_000 });
  // Where it stopped depends on when the click lands: any step, said in full.
  await expect(stopped).toContainText(
    /Cancelled during the (full copy|partial read|shared memory \(threads\)) at (1 worker|\d workers)( \(the sweep over 1 … N workers\))?\. A comparison needs every step measured to its end, so it shows no figures\./,
  );
  await expect(page.getByTestId('chart-bars')).toHaveCount(0);
  await expect(page.getByTestId('memory-table')).toHaveCount(0);
  await expect(page.getByTestId('compare-summary')).toHaveCount(0);
});
