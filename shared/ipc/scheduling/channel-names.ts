/** Free slots, booking and changing appointments, series, the calendar day. Names only (no zod), for the preload; see ../channels.ts. */
export const SCHEDULING_CHANNEL_NAMES = [
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
export type SchedulingChannelName = (typeof SCHEDULING_CHANNEL_NAMES)[number];
