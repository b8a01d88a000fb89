/** Calendar views, the flow board and live updates. Names only (no zod), for the preload; see ../channels.ts. */
export const CALENDAR_CHANNEL_NAMES = ['calendar.week', 'calendar.month', 'calendar.changes'] as const;
export type CalendarChannelName = (typeof CALENDAR_CHANNEL_NAMES)[number];
