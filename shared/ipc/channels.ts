/**
 * The channel names alone, so the preload (sandboxed: no npm modules at run time) can build
 * window.clinic without bundling the schemas. contract.ts must define exactly these.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'app.retryStores',
  'setup.complete',
  'session.current',
  'slots.free',
  'slots.soonest',
  'appointments.book',
  'appointments.reschedule',
  'appointments.cancel',
  'appointments.setStatus',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Prefix of the ipcMain channels, so the app's channels never clash with Electron's own. */
export const IPC_PREFIX = 'clinic:';
