/**
 * The page's Content-Security-Policy, written once for the three places that
 * state it: the Electron app's protocol handler and session (a header), the
 * browser host (a header), and the page itself (a <meta> tag, put in at build
 * time). Only the app's own scripts, styles and connection; nothing remote.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const policy = (directives: typeof DIRECTIVES): string =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as a response header. */
export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);

/** The policy for the page's <meta> tag: browsers take frame-ancestors only from a header, and complain of it in a meta tag. */
export const META_CONTENT_SECURITY_POLICY = policy(
  DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'),
);
