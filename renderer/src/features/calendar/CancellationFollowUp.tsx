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
 * After a cancellation: the waiting-list offer of the reception feature for the freed slot.
 * Renders nothing until that feature's offer component is merged in.
 */
export function CancellationFollowUp(_props: { slot: CancelledSlot; onClose(): void; onBooked(): void }) {
  return null;
}
