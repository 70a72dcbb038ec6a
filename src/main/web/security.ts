/**
 * The browser host's gatekeeping, kept apart so it can be read (and tested)
 * in one place: the Host header on every request (against DNS rebinding),
 * the token and the Origin of WebSocket upgrades, and the headers of every
 * response.
 *
 * The token guards the lab, not the page: the page and its scripts hold no
 * secret and are served to anyone who names the right Host. The page takes
 * the token from its address, keeps it for the tab and sends it with its
 * WebSocket, the one way to the lab. No cookie carries it: cookies ignore
 * ports, so one would go to every server on 127.0.0.1.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The hosts the server answers to: its own address and port, nothing else. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Why an HTTP request is refused, or null: only the lab's own Host is served. */
export function httpProblem(request: IncomingMessage, port: number): string | null {
  return allowedHosts(port).has(request.headers.host ?? '') ? null : 'wrong Host header';
}

/** Why a WebSocket upgrade is refused, or null: it needs the token in its URL and the page's own Origin. */
export function upgradeProblem(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
  /** More page origins to accept: only Vite's dev server, for `npm run dev`. */
  pageOrigins: readonly string[] = [],
): string | null {
  if (!allowedHosts(port).has(request.headers.host ?? '')) return 'wrong Host header';
  const origin = request.headers.origin ?? '';
  const pages = [...[...allowedHosts(port)].map((host) => `http://${host}`), ...pageOrigins];
  if (!pages.includes(origin)) return `Origin ${origin || '(none)'} is not the lab's page`;
  if (!sameSecret(url.searchParams.get('token'), token)) return 'missing or wrong token';
  return null;
}
