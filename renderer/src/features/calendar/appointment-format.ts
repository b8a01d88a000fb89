import { formatClockTime } from '../../stores/display-format';
import type { AppointmentStatus } from '../../../../shared/domain/scheduling/lifecycle';
import type { AppointmentType } from '../../../../shared/ipc/scheduling-types';
import { parseTime, formatTime } from '../../../../shared/domain/plain-date';

/** CSS modifier per status: one colour each, used only for status. */
export const STATUS_CLASS: Record<AppointmentStatus, string> = {
  Scheduled: 'scheduled',
  Confirmed: 'confirmed',
  Completed: 'completed',
  Cancelled: 'cancelled',
  'No-Show': 'no-show',
};

/** A short mark per type, shown on the block (the full name is in its label and popover). */
export const TYPE_MARK: Record<AppointmentType, string> = {
  Consultation: 'C',
  'Follow-up': 'F',
  Emergency: 'E',
  'Check-up': 'U',
};

export function endTime(time: string, durationMinutes: number): string {
  return formatTime(parseTime(time) + durationMinutes);
}

export function timeRange(time: string, durationMinutes: number): string {
  return `${formatClockTime(time)} – ${formatClockTime(endTime(time, durationMinutes))}`;
}
