/**
 * Where the packaged app's files are. electron-builder puts the app in
 * app.asar, and the files listed in `asarUnpack` (electron-builder.json) in
 * app.asar.unpacked beside it: the worker, which a utilityProcess must load
 * from a real file (Electron #41396), its chunks and libraries, and the icons.
 */
import { sep } from 'node:path';

const ASAR = `${sep}app.asar${sep}`;

/** The real path of a file the packager unpacked; a path outside app.asar stays as it is. */
export function unpackedPath(path: string): string {
  const at = path.indexOf(ASAR);
  return at < 0
    ? path
    : `${path.slice(0, at)}${sep}app.asar.unpacked${sep}${path.slice(at + ASAR.length)}`;
}
