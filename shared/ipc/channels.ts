/**
 * The channel names alone, so the preload (sandboxed: no npm modules at run time) can build
 * window.clinic without bundling the schemas. contract.ts must define exactly these.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'app.retryStores',
  'setup.complete',
  'session.current',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.activity',
  'staff.list',
  'staff.create',
  'staff.setActive',
  'staff.resetPassword',
  'audit.search',
  'slots.free',
  'slots.soonest',
  'appointments.book',
  'appointments.reschedule',
  'appointments.cancel',
  'appointments.setStatus',
  'series.preview',
  'series.book',
  'series.cancel',
  'calendar.day',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Prefix of the ipcMain channels, so the app's channels never clash with Electron's own. */
export const IPC_PREFIX = 'clinic:';
