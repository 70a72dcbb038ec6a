/**
 * The Electron host's IPC channel names (one per command, one for events).
 * Kept apart from the schemas so that the sandboxed preload, which may
 * require nothing but electron, bundles no library.
 */
export const IPC_PREFIX = 'lab:';
export const IPC_EVENT_CHANNEL = 'lab:event';
/** The desktop menu's actions, sent to the page. */
export const IPC_MENU_CHANNEL = 'lab:menu';
