/**
 * The types of the built renderer's files, for the two servers of the page:
 * the Electron app's app:// protocol and the browser host. Anything else is
 * served as bytes, and `nosniff` keeps a browser from guessing.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** The Content-Type of a file by its extension (`.js`), bytes for the unknown. */
export function contentType(extension: string): string {
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
