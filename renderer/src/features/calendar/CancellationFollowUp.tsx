import { useEffect, useState } from 'react';
import type { OpenedSlot } from '../../stores/reception-store';
import { useCalendarStore } from '../../stores/calendar-store';
import { WaitingListOffer } from '../waiting-list/WaitingListOffer';

/** The slot a cancellation just freed: offered to the waiting list. */
export interface CancelledSlot {
  appointmentId: number;
  doctorId: number;
  doctorName: string;
  date: string;
  time: string;
  durationMinutes: number;
}

/**
 * After a cancellation from the calendar or the board: the freed slot is offered to the waiting
 * list at once (the reception feature's offer, best-placed patients first, booked in one step).
 * A panel beside the work, not a modal: the receptionist may carry on and close it later.
 */
export function CancellationFollowUp({
  slot,
  onClose,
  onBooked,
}: {
  slot: CancelledSlot;
  onClose(): void;
  onBooked(): void;
}) {
  // The offer asks once per slot object: one per mounting (parents key this by appointment).
  const [opened] = useState<OpenedSlot>(() => ({
    doctorId: slot.doctorId,
    date: slot.date,
    time: slot.time,
    durationMinutes: slot.durationMinutes,
  }));
  // Undo booked the visit again: the slot is taken, so there is nothing left to offer.
  const undone = useCalendarStore((state) => state.undoneCancellationId === slot.appointmentId);
  useEffect(() => {
    if (undone) onClose();
  }, [undone, onClose]);
  return (
    <div className="follow-up" data-testid="cancellation-follow-up">
      <WaitingListOffer slot={opened} onDismiss={onClose} onBooked={() => onBooked()} />
    </div>
  );
}
