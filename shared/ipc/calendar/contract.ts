import type { ChannelSpec } from '../channel-spec';
import type { CalendarChannelName } from './channel-names';

/** The calendar channels: input schema, output type, permission and audit spec of each. */
export const calendarContract = {} as const satisfies Record<CalendarChannelName, ChannelSpec>;
