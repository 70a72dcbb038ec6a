import type { LabBridge } from '../../shared/api';

declare global {
  interface Window {
    /** The lab's API: Electron's preload or the browser host's web preload defines it. */
    lab: LabBridge;
  }
}

export {};
