import { BookingDialog } from '../booking/BookingDialog';
import { parseTime } from '../../../../shared/domain/plain-date';
import type { SlotSelection } from '../../stores/calendar-store';

export interface BookingHookProps {
  selection: SlotSelection;
  onClose(): void;
  onBooked(): void;
}

/**
 * Booking from the calendar: the selected doctor, date, time and length go to the reception
 * feature's booking dialog (patient search or registration and the booking form live there).
 */
export function BookingHook({ selection, onClose, onBooked }: BookingHookProps) {
  return (
    <BookingDialog
      doctorId={selection.doctorId}
      date={selection.date}
      time={selection.start}
      durationMinutes={parseTime(selection.end) - parseTime(selection.start)}
      onClose={onClose}
      onBooked={() => onBooked()}
    />
  );
}
