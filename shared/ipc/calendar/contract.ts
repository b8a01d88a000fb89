import { channel, type ChannelSpec } from '../channel-spec';
import type { CalendarChannelName } from './channel-names';
import { CalendarChangesInput, CalendarMonthInput, CalendarWeekInput } from './schemas';
import type { CalendarChanges, CalendarMonth, CalendarWeek } from './types';

/** The calendar channels: input schema, output type, permission and audit spec of each. */
export const calendarContract = {
  // Shows patients' names and phones, like calendar.day: recorded the same way.
  'calendar.week': channel<CalendarWeek>()({
    input: CalendarWeekInput,
    permission: 'appointments.read',
    offline: 'read',
    audit: { action: 'view_schedule', resourceType: 'appointment', resourceId: () => null },
  }),
  // Counts only: no patient information, no audit record.
  'calendar.month': channel<CalendarMonth>()({
    input: CalendarMonthInput,
    permission: 'appointments.read',
    offline: 'read',
  }),
  // Fingerprints only (counts and checksums), polled every few seconds: no patient information.
  'calendar.changes': channel<CalendarChanges>()({
    input: CalendarChangesInput,
    permission: 'appointments.read',
    offline: 'read',
  }),
} as const satisfies Record<CalendarChannelName, ChannelSpec>;
