import type { ConflictBooking, ConflictResolution } from '../../../../../shared/ipc/sync/types';
import type { SqlStore } from '../../../data/sql/open-sql-store';
import { peopleRepository } from '../../../data/sql/repositories/people-repository';

/**
 * What the conflicts list needs to know of each kind of offline change: its name in words, which
 * resolutions make sense, and for bookings which appointment to place elsewhere.
 */
const LABELS: Readonly<Record<string, string>> = {
  'appointments.book': 'Booking',
  'appointments.reschedule': 'Move of an appointment',
  'appointments.cancel': 'Cancellation',
  'appointments.setStatus': 'Status change',
  'appointments.recordArrival': 'Arrival',
  'appointments.recordVisitStep': 'Step of a visit',
  'patients.register': 'New patient',
  'patients.update': 'Change of patient details',
  'walkIns.join': 'Walk-in joins the queue',
  'walkIns.remove': 'Walk-in leaves the queue',
  'walkIns.book': 'Walk-in booking',
  'waitingList.add': 'Waiting-list entry',
  'waitingList.remove': 'Waiting-list removal',
  'waitingList.book': 'Booking from the waiting list',
  'doctor.setVisitOutcome': 'Visit outcome',
  'doctor.prescription.save': 'Prescription',
  'doctor.followUp.book': 'Follow-up booking',
  'doctor.schedule.saveWeekly': 'Weekly hours',
  'doctor.schedule.addBlock': 'Day off',
  'doctor.schedule.removeBlock': 'Removal of a day off',
  'admin.settings.save': 'Setting',
  'admin.schedule.saveWeekly': 'Weekly hours',
  'admin.schedule.addBlock': 'Day off',
  'admin.schedule.removeBlock': 'Removal of a day off',
  'communications.appointment.recordConfirmation': 'Confirmation',
  'kiosk.checkIn': 'Kiosk check-in',
};

/** Changes that put someone's appointment at a time: a refusal can be answered with another time. */
const SLOT_CHANNELS = new Set(['appointments.book', 'appointments.reschedule', 'walkIns.book', 'waitingList.book', 'doctor.followUp.book']);
/** Changes that state what should be, whatever was there: mine can be applied again over theirs. */
const RESTATABLE_CHANNELS = new Set([
  'admin.settings.save',
  'patients.update',
  'admin.schedule.saveWeekly',
  'doctor.schedule.saveWeekly',
]);

type Fields = Record<string, unknown>;
const asFields = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});
const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const textOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function resolutionsFor(channel: string): ConflictResolution[] {
  if (SLOT_CHANNELS.has(channel)) return ['another-slot', 'keep-theirs'];
  if (RESTATABLE_CHANNELS.has(channel)) return ['keep-mine', 'keep-theirs'];
  return ['keep-theirs'];
}

/** The appointment a slot change wanted: from the change itself, completed from what it returned offline. */
export function bookingOf(channel: string, input: unknown, localOutput: unknown): ConflictBooking | null {
  if (!SLOT_CHANNELS.has(channel)) return null;
  const wanted = asFields(input);
  const out = asFields(localOutput);
  const appointment = asFields(out.appointment ?? out);
  const doctorId = numberOr(wanted.doctorId) ?? numberOr(appointment.doctorId);
  const patientId = numberOr(wanted.patientId) ?? numberOr(appointment.patientId);
  const date = textOr(wanted.date) ?? textOr(appointment.date);
  const time = textOr(wanted.time) ?? textOr(appointment.time);
  if (doctorId === null || patientId === null || date === null || time === null) return null;
  return { doctorId, patientId, date, time, durationMinutes: numberOr(wanted.durationMinutes) ?? numberOr(appointment.durationMinutes) };
}

/** The same change, at another time: a fresh idempotency key, since it is a new booking attempt. */
export function atAnotherSlot(input: unknown, slot: { doctorId: number; date: string; time: string }, freshKey: string): Fields {
  const wanted = { ...asFields(input), doctorId: slot.doctorId, date: slot.date, time: slot.time };
  if ('idempotencyKey' in wanted) wanted.idempotencyKey = freshKey;
  return wanted;
}

async function nameOf(local: SqlStore, table: 'patients' | 'doctors', id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await peopleRepository(local).names(table, id);
  if (!row) return null;
  return table === 'doctors' ? `Dr. ${row.firstName} ${row.lastName}` : `${row.firstName} ${row.lastName}`;
}

/** The change in words for staff, from the local copy as it was when the change was made. */
export async function describeChange(local: SqlStore, channel: string, input: unknown, localOutput: unknown): Promise<string> {
  const label = LABELS[channel] ?? channel;
  const wanted = asFields(input);
  const out = asFields(localOutput);
  const appointment = asFields(out.appointment ?? out);
  const parts: string[] = [];
  const doctor = await nameOf(local, 'doctors', numberOr(wanted.doctorId) ?? numberOr(appointment.doctorId));
  if (doctor) parts.push(doctor);
  const date = textOr(wanted.date) ?? textOr(appointment.date);
  const time = textOr(wanted.time) ?? textOr(appointment.time);
  if (date) parts.push(time ? `${date} ${time}` : date);
  const patientId = numberOr(wanted.patientId) ?? numberOr(appointment.patientId) ?? (channel === 'patients.register' ? numberOr(out.id) : null);
  const patient = await nameOf(local, 'patients', patientId);
  if (patient) parts.push(patient);
  if (channel === 'admin.settings.save' && typeof wanted.name === 'string') parts.push(`${wanted.name} = ${JSON.stringify(wanted.value)}`);
  if (typeof wanted.status === 'string') parts.push(`to ${wanted.status}`);
  return parts.length > 0 ? `${label}: ${parts.join(', ')}` : label;
}
