/**
 * The browser host's gatekeeping, kept apart so it can be read (and tested)
 * in one place: the token on every request, the Host header (against DNS
 * rebinding), the Origin of WebSocket upgrades, and the headers of every
 * response.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that carries the token for the page's own asset requests. */
export const TOKEN_COOKIE = 'isolation_lab_token';

/** The page's policy: its own scripts, styles and WebSocket only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

function cookieToken(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

/** The hosts the server answers to: its own address and port, nothing else. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Why an HTTP request is refused, or null. The token may come in the URL
 * (`?token=`) or in the cookie the page received with it.
 */
export function httpProblem(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): string | null {
  if (!allowedHosts(port).has(request.headers.host ?? '')) return 'wrong Host header';
  if (
    !sameSecret(url.searchParams.get('token'), token) &&
    !sameSecret(cookieToken(request), token)
  ) {
    return 'missing or wrong token';
  }
  return null;
}

/** Why a WebSocket upgrade is refused, or null: it needs the token in its URL and the page's own Origin. */
export function upgradeProblem(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): string | null {
  if (!allowedHosts(port).has(request.headers.host ?? '')) return 'wrong Host header';
  const origin = request.headers.origin ?? '';
  if (![...allowedHosts(port)].some((host) => origin === `http://${host}`))
    return `Origin ${origin || '(none)'} is not the lab's page`;
  if (!sameSecret(url.searchParams.get('token'), token)) return 'missing or wrong token';
  return null;
}
