import type { CalendarChannelName } from '../../../shared/ipc/calendar/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per calendar channel; each calls one service. */
export const calendarHandlers: HandlersOf<CalendarChannelName> = {};
