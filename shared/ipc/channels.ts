import { APP_CHANNEL_NAMES } from './app/channel-names';
import { AUDIT_CHANNEL_NAMES } from './audit/channel-names';
import { SCHEDULING_CHANNEL_NAMES, type SchedulingChannelName } from './scheduling/channel-names';
import { SESSION_CHANNEL_NAMES, type SessionChannelName } from './session/channel-names';
import { STAFF_CHANNEL_NAMES, type StaffChannelName } from './staff/channel-names';
import type { AppChannelName } from './app/channel-names';
import type { AuditChannelName } from './audit/channel-names';
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
export const CHANNEL_NAMES = [
  ...APP_CHANNEL_NAMES,
  ...SESSION_CHANNEL_NAMES,
  ...STAFF_CHANNEL_NAMES,
  ...AUDIT_CHANNEL_NAMES,
  ...SCHEDULING_CHANNEL_NAMES,
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
/** The channels every workstation has, whatever else it runs. */
export type CoreChannelName =
  AppChannelName | SessionChannelName | StaffChannelName | AuditChannelName | SchedulingChannelName;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Prefix of the ipcMain channels, so the app's channels never clash with Electron's own. */
export const IPC_PREFIX = 'clinic:';
