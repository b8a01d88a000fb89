import { queuedChangeOf, resolutionsOf, type QueuedChange } from '../../../../../shared/ipc/channel-spec';
import { contract, isChannel } from '../../../../../shared/ipc/contract';
import type { ConflictBooking, ConflictResolution } from '../../../../../shared/ipc/sync/types';
import type { SqlStore } from '../../../data/sql/open-sql-store';
import { peopleRepository } from '../../../data/sql/repositories/people-repository';

/**
 * What the conflicts list needs to know of each kind of offline change, read from the channel's
 * own spec (its `offline` entry): its name in words, which resolutions make sense, and for
 * bookings which appointment to place elsewhere.
 */
function changeOf(channel: string): QueuedChange | null {
  return isChannel(channel) ? queuedChangeOf(contract[channel]) : null;
}

type Fields = Record<string, unknown>;
const asFields = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});
const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const textOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function resolutionsFor(channel: string): ConflictResolution[] {
  const change = changeOf(channel);
  return change ? [...resolutionsOf(change)] : ['keep-theirs'];
}

/** A slot change puts someone's appointment at a time: a refusal can be answered with another time. */
const placesAppointment = (channel: string): boolean => resolutionsFor(channel).includes('another-slot');

/** The appointment a slot change wanted: from the change itself, completed from what it returned offline. */
export function bookingOf(channel: string, input: unknown, localOutput: unknown): ConflictBooking | null {
  if (!placesAppointment(channel)) return null;
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
  const change = changeOf(channel);
  const label = change?.label ?? channel;
  const wanted = asFields(input);
  const out = asFields(localOutput);
  const appointment = asFields(out.appointment ?? out);
  const parts: string[] = [];
  const doctor = await nameOf(local, 'doctors', numberOr(wanted.doctorId) ?? numberOr(appointment.doctorId));
  if (doctor) parts.push(doctor);
  const date = textOr(wanted.date) ?? textOr(appointment.date);
  const time = textOr(wanted.time) ?? textOr(appointment.time);
  if (date) parts.push(time ? `${date} ${time}` : date);
  const patientId = numberOr(wanted.patientId) ?? numberOr(appointment.patientId) ?? numberOr(change?.patientId?.(input, localOutput) ?? null);
  const patient = await nameOf(local, 'patients', patientId);
  if (patient) parts.push(patient);
  const detail = change?.detail?.(input);
  if (detail) parts.push(detail);
  if (typeof wanted.status === 'string') parts.push(`to ${wanted.status}`);
  return parts.length > 0 ? `${label}: ${parts.join(', ')}` : label;
}

/** The record a queued change's output `id` names, if it names one. */
export function outputRecordOf(channel: string): QueuedChange['outputRecord'] {
  return changeOf(channel)?.outputRecord;
}

/** Keep mine, made again over what the server has now when the change says how. */
export function keepMineOf(channel: string): QueuedChange['keepMine'] {
  return changeOf(channel)?.keepMine;
}
