/**
 * The browser host's page in a real browser: its CSP, the WebSocket bridge,
 * and the token, which leaves the address bar and stays with the tab. The
 * gate itself (Host, Origin, token) is tested without a browser, in
 * src/main/web/server.test.ts.
 */
import type { CommandResult, HostInfo, LabBridge } from '../src/shared/api';
import { expect, needsBrowser, test } from './fixtures';

needsBrowser();

test('the page loads with its CSP and the WebSocket bridge answers', async ({ page, host }) => {
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // window.lab is the bridge: it hands over each result's envelope as the host sent it.
  const info = (await page.evaluate(() =>
    (globalThis as unknown as { lab: LabBridge }).lab.invoke('host-info', null),
  )) as CommandResult<HostInfo>;
  expect(info.ok && info.response.backend).toBe('ChildProcessBackend');
  const refused = (await page.evaluate(() =>
    (globalThis as unknown as { lab: LabBridge }).lab.invoke('run', { experiment: 'nope' }),
  )) as CommandResult<unknown>;
  expect(refused.ok).toBe(false);
  expect(!refused.ok && refused.error.message).toContain('Invalid experiment: "nope"');
});

test('the token leaves the address bar, stays with the tab through a reload, and a tab without it is told why', async ({
  page,
  host,
  context,
}) => {
  await page.goto(host.printedUrl);
  await expect(page.getByTestId('host-line')).toBeVisible();
  expect(page.url()).toBe(`${host.origin}/`);
  await page.reload();
  await expect(page.getByTestId('host-line')).toBeVisible();
  const stranger = await context.browser()?.newPage();
  if (!stranger) throw new Error('no second page');
  await stranger.goto(`${host.origin}/`);
  await expect(stranger.locator('.app-message--error')).toContainText('needs the lab’s token');
  await stranger.close();
});
