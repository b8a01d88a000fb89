import type { CalendarChannelName } from '../../../shared/ipc/calendar/channel-names';
import { calendarChanges } from '../services/calendar/change-feed';
import { calendarMonth } from '../services/calendar/calendar-month';
import { calendarWeek } from '../services/calendar/calendar-week';
import type { HandlersOf } from './handler-types';

/** One entry per calendar channel; each calls one service. */
export const calendarHandlers: HandlersOf<CalendarChannelName> = {
  'calendar.week': async (input, { runtime }) => calendarWeek(runtime.stores().sql, input),
  'calendar.month': async (input, { runtime }) => calendarMonth(runtime.stores().sql, input),
  'calendar.changes': async (input, { runtime, sync }) => {
    const changes = await calendarChanges(runtime.stores().sql, input);
    // The screens ask every few seconds: the mirror follows the server as closely, for the next outage.
    if (!runtime.servingMirror) void sync.mirror?.pullRecent();
    return changes;
  },
};
