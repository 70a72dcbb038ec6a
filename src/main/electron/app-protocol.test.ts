/** The app:// scheme against a stand-in for electron's protocol module: what it serves, and what it refuses. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({
  schemes: [] as unknown[],
  handler: null as null | ((request: { url: string }) => Promise<Response>),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (_scheme: string, handler: typeof registered.handler) => (registered.handler = handler),
  },
}));

const { handleAppProtocol, registerAppScheme, rendererFile } = await import('./app-protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../shared/content-security-policy');

const root = mkdtempSync(join(tmpdir(), 'isolation-lab-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app://', () => {
  it('is declared standard and secure, with fetch', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('names files of the renderer only', () => {
    expect(rendererFile(root, 'app://lab/index.html')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://lab/')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://lab/assets/app.js?x=1#y')).toBe(
      join(root, 'assets', 'app.js'),
    );
    // The URL parser resolves an escaped ".." itself: the path stays inside the renderer.
    expect(rendererFile(root, 'app://lab/%2e%2e/%2e%2e/etc/passwd')).toBe(
      join(root, 'etc', 'passwd'),
    );
    expect(rendererFile(root, 'app://lab/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(rendererFile(root, 'app://other/index.html')).toBeNull();
    expect(rendererFile(root, 'app://lab/%E0%A4%A')).toBeNull();
  });

  it('serves them with the CSP and their type, and 404 for anything else', async () => {
    handleAppProtocol(root);
    const page = await registered.handler?.({ url: 'app://lab/index.html' });
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page?.text()).toContain('<title>lab</title>');
    const script = await registered.handler?.({ url: 'app://lab/assets/app.js' });
    expect(script?.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['app://lab/missing.js', 'app://lab/%2e%2e/%2e%2e/etc/passwd']) {
      const missing = await registered.handler?.({ url });
      expect(missing?.status).toBe(404);
      expect(missing?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
