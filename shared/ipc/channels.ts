import { ADMIN_CHANNEL_NAMES } from './admin/channel-names';
import { BACKUP_CHANNEL_NAMES } from './backups/channel-names';
import { CONSISTENCY_CHANNEL_NAMES } from './consistency/channel-names';
import { SEARCH_CHANNEL_NAMES } from './search/channel-names';
import { SYNC_CHANNEL_NAMES } from './sync/channel-names';
import { CALENDAR_CHANNEL_NAMES } from './calendar/channel-names';
import { COMMUNICATION_CHANNEL_NAMES } from './communications/channel-names';
import { DOCTOR_CHANNEL_NAMES } from './doctor/channel-names';
import { KIOSK_CHANNEL_NAMES } from './kiosk/channel-names';
import { RECEPTION_CHANNEL_NAMES } from './reception/channel-names';

/**
 * The channel names alone, so the preload (sandboxed: no npm modules at run time) can build
 * window.clinic without bundling the schemas. contract.ts must define exactly these. Each
 * feature keeps its own list in its folder, so features grow without touching one another.
 */
const CORE_CHANNEL_NAMES = [
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
  'audit.export',
  'audit.people',
  'audit.recordAccess',
  'slots.free',
  'slots.soonest',
  'appointments.book',
  'appointments.reschedule',
  'appointments.cancel',
  'appointments.setStatus',
  'appointments.recordArrival',
  'appointments.recordVisitStep',
  'series.preview',
  'series.book',
  'series.cancel',
  'calendar.day',
] as const;

export const CHANNEL_NAMES = [
  ...CORE_CHANNEL_NAMES,
  ...RECEPTION_CHANNEL_NAMES,
  ...CALENDAR_CHANNEL_NAMES,
  ...DOCTOR_CHANNEL_NAMES,
  ...ADMIN_CHANNEL_NAMES,
  ...COMMUNICATION_CHANNEL_NAMES,
  ...KIOSK_CHANNEL_NAMES,
  ...BACKUP_CHANNEL_NAMES,
  ...SYNC_CHANNEL_NAMES,
  ...CONSISTENCY_CHANNEL_NAMES,
  ...SEARCH_CHANNEL_NAMES,
] as const;
export type CoreChannelName = (typeof CORE_CHANNEL_NAMES)[number];
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Prefix of the ipcMain channels, so the app's channels never clash with Electron's own. */
export const IPC_PREFIX = 'clinic:';
