import type { CalendarChannelName } from '../../../../shared/ipc/calendar/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the calendar channels. */
export const CALENDAR_SAMPLES: FeatureSamples<CalendarChannelName> = { samples: {} };
