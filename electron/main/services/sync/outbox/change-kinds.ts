import { queuedChangeOf, resolutionsOf, type QueuedChange } from '../../../../../shared/ipc/channel-spec';
import { contract, isChannel } from '../../../../../shared/ipc/contract';
import type { ConflictBooking, ConflictResolution } from '../../../../../shared/ipc/sync/types';
import type { SqlStore } from '../../../data/sql/open-sql-store';
import { peopleRepository } from '../../../data/sql/repositories/people-repository';
import { formatClockTime, formatDayShort, type DisplayLocale } from '../../../../../shared/domain/display-format';

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

/**
 * What a queued change was about, taken from the local copy when the change was made (names can
 * change or vanish later). Dates and times stay plain values, so the conflicts list writes them
 * as the clinic reads dates at the moment it shows them.
 */
export interface ChangeDescription {
  label: string;
  doctor: string | null;
  date: string | null;
  time: string | null;
  patient: string | null;
  detail: string | null;
  status: string | null;
}

export async function describeChange(local: SqlStore, channel: string, input: unknown, localOutput: unknown): Promise<ChangeDescription> {
  const change = changeOf(channel);
  const wanted = asFields(input);
  const out = asFields(localOutput);
  const appointment = asFields(out.appointment ?? out);
  const patientId = numberOr(wanted.patientId) ?? numberOr(appointment.patientId) ?? numberOr(change?.patientId?.(input, localOutput) ?? null);
  return {
    label: change?.label ?? channel,
    doctor: await nameOf(local, 'doctors', numberOr(wanted.doctorId) ?? numberOr(appointment.doctorId)),
    date: textOr(wanted.date) ?? textOr(appointment.date),
    time: textOr(wanted.time) ?? textOr(appointment.time),
    patient: await nameOf(local, 'patients', patientId),
    detail: change?.detail?.(input) ?? null,
    status: textOr(wanted.status),
  };
}

/** The stored description in words, dates and times in the clinic's display settings. */
export function describedInWords(description: ChangeDescription, display: DisplayLocale): string {
  const parts: string[] = [];
  if (description.doctor) parts.push(description.doctor);
  if (description.date) {
    const day = formatDayShort(description.date, display);
    parts.push(description.time ? `${day} ${formatClockTime(description.time, display)}` : day);
  }
  if (description.patient) parts.push(description.patient);
  if (description.detail) parts.push(description.detail);
  if (description.status) parts.push(`to ${description.status}`);
  return parts.length > 0 ? `${description.label}: ${parts.join(', ')}` : description.label;
}

/**
 * The outbox's summary column: the description as JSON. A row written before descriptions were
 * stored this way holds finished text, shown as it is.
 */
export const storedDescription = (description: ChangeDescription): string => JSON.stringify(description);

export function summaryInWords(stored: string | null, display: DisplayLocale): string | null {
  if (stored === null) return null;
  if (!stored.startsWith('{')) return stored;
  try {
    return describedInWords(JSON.parse(stored) as ChangeDescription, display);
  } catch {
    return stored;
  }
}

/** The record a queued change's output `id` names, if it names one. */
export function outputRecordOf(channel: string): QueuedChange['outputRecord'] {
  return changeOf(channel)?.outputRecord;
}

/** Keep mine, made again over what the server has now when the change says how. */
export function keepMineOf(channel: string): QueuedChange['keepMine'] {
  return changeOf(channel)?.keepMine;
}
