/**
 * The only addresses the desktop app opens in the user's browser: its own
 * references. Any other link a page asks to open is refused, so that nothing
 * the app shows can send a class to an arbitrary site.
 */
export const EXTERNAL_LINKS: readonly string[] = [
  'https://joblib.readthedocs.io/en/stable/generated/joblib.Parallel.html',
  'https://joblib.readthedocs.io/en/stable/parallel.html',
];

/** Whether a link is one of the app's own references (exactly, fragment aside). */
export function isAllowedExternalLink(url: string): boolean {
  return EXTERNAL_LINKS.includes(url.split('#')[0] ?? '');
}
