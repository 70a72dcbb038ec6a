/** `{ path }` of the Electron binary, or `{ reason }` it cannot start here. */
export function electronBinary(): { path: string } | { reason: string };
