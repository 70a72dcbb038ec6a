/**
 * Which Chromium the browser tests drive, and whether they may skip. On CI
 * (ISOLATION_LAB_REQUIRE_BROWSER=1) a missing browser is a failure, not a skip.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium (CHROMIUM_PATH, or Debian's /usr/bin/chromium), or null when there is none. */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** Why the browser tests cannot run here, or null when they can. Throws when they are required. */
export function browserSkipReason(): string | null {
  if (chromiumPath()) return null;
  const reason =
    'no Chromium at /usr/bin/chromium (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH)';
  if (process.env.ISOLATION_LAB_REQUIRE_BROWSER === '1') {
    throw new Error(`The browser end-to-end tests are required here but cannot run: ${reason}.`);
  }
  return reason;
}
