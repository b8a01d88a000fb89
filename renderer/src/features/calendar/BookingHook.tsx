import { Dialog } from '../../components/Dialog';
import type { SlotSelection } from '../../stores/calendar-store';

export interface BookingHookProps {
  selection: SlotSelection;
  doctorName: string;
  onClose(): void;
  onBooked(): void;
}

/**
 * Where booking from the calendar starts: the selected doctor, date and time go to the booking
 * dialog of the reception feature (patient search and the booking form live there).
 */
export function BookingHook({ selection, doctorName, onClose }: BookingHookProps) {
  return (
    <Dialog title="New appointment" onClose={onClose}>
      <p>
        {doctorName}, {selection.date}, {selection.start} – {selection.end}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
