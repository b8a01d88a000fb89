import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentType, AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { bookAppointment } from '../scheduling/booking';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { utcText } from '../../data/sql/sql-time';

/** What a walk-in or waiting-list entry carries into its booking. */
export interface QueuedEntry {
  status: 'Waiting' | 'Booked' | 'Removed';
  patientId: number;
  durationMinutes: number;
  appointmentType: AppointmentType;
  notes: string | null;
  appointmentId: number | null;
}

export interface QueuedBookingInput {
  doctorId: number;
  date: string;
  time: string;
  idempotencyKey: string;
}

/**
 * Books a queued patient (walk-in queue or waiting list) through bookAppointment, so every
 * scheduling rule, lock and the idempotency key hold, then marks the entry Booked. Two steps on
 * purpose: a retry with the same key finds the same appointment and completes the marking.
 */
export async function bookQueuedEntry(
  sql: SqlStore,
  queue: { what: string; markBooked(entryId: number, appointmentId: number, resolvedAt: string): Promise<void> },
  entryId: number,
  entry: QueuedEntry,
  input: QueuedBookingInput,
  clock: EpochMinuteClock,
): Promise<AppointmentView> {
  if (entry.status === 'Removed') throw new AppFailure('CONFLICT', `This ${queue.what} was removed.`);
  const appointment = await bookAppointment(
    sql,
    {
      patientId: entry.patientId,
      doctorId: input.doctorId,
      date: input.date,
      time: input.time,
      durationMinutes: entry.durationMinutes,
      appointmentType: entry.appointmentType,
      patientNotes: entry.notes,
      idempotencyKey: input.idempotencyKey,
    },
    clock,
  );
  if (entry.status === 'Booked' && entry.appointmentId !== appointment.id) throw new AppFailure('CONFLICT', `This ${queue.what} is already booked.`);
  await queue.markBooked(entryId, appointment.id, utcText(clock()));
  return appointment;
}
