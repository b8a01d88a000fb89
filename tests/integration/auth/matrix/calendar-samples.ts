import type { CalendarChannelName } from '../../../../shared/ipc/calendar/channel-names';
import type { FeatureSamples } from './types';

const day = '2026-12-08';

/** Sample calls of the calendar channels (all read-only). */
export const CALENDAR_SAMPLES: FeatureSamples<CalendarChannelName> = {
  samples: {
    'calendar.week': { input: (f) => ({ doctorId: f.doctorId, date: day }) },
    'calendar.month': { input: (f) => ({ month: day.slice(0, 7), doctorIds: [f.doctorId] }) },
    'calendar.changes': { input: () => ({ from: day, to: day }) },
  },
};
