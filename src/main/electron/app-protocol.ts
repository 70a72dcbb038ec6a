/**
 * The app's own scheme, `app://lab/…`, in place of file://. A page from
 * file:// may read any file its links name and has an opaque origin; from a
 * privileged standard scheme it has an origin of its own, gets the CSP as a
 * real header, and can reach only the files of the built renderer.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { contentType } from '../../shared/content-types';

export const APP_SCHEME = 'app';
/** The origin of every page of the app. */
export const APP_ORIGIN = `${APP_SCHEME}://lab`;
/** The page the window loads. */
export const APP_PAGE = `${APP_ORIGIN}/index.html`;

/**
 * Declares the scheme standard and secure, as https is. It must run before
 * the app is ready (Electron's rule for privileged schemes).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file of the built renderer an app:// URL names, or null for another
 * host, a malformed escape, or a path that leaves the renderer's folder.
 */
export function rendererFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Node's URL gives a scheme it does not know no origin ('null'): compare its parts.
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'lab') return null;
  const root = normalize(rendererDir);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  return file.startsWith(root + sep) ? file : null;
}

/** Serves app:// from the built renderer, with the CSP and nosniff on every response. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(rendererDir, request.url);
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    };
    if (!file) return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(file);
      const type = contentType(extname(file));
      return new Response(body, { headers: { ...headers, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
