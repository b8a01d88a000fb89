import type { ClinicApi } from '../../shared/ipc/contract';

// What electron/preload/index.ts exposes through contextBridge. Absent when the renderer runs in
// a plain browser over the loopback bridge (tests, `npm start` without Electron).
declare global {
  interface Window {
    clinic?: ClinicApi;
  }
}

export {};
