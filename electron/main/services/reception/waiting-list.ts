import { daysBetween, instantToWall, parseTime, overlaps } from '../../../../shared/domain/scheduling';
import { rankWaitingListMatches, type WaitingListEntry } from '../../../../shared/domain/reception/waiting-list-match';
import { AppFailure } from '../../../../shared/ipc/result';
import type {
  WaitingEntryView,
  WaitingEntryWithSlots,
  WaitingListBooking,
  WaitingListOffer,
} from '../../../../shared/ipc/reception/types';
import type { AppointmentType } from '../../../../shared/ipc/scheduling-types';
import { waitingListRepository } from '../../data/sql/repositories/waiting-list-repository';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';
import { findSoonestSlots } from '../scheduling/soonest';
import { toSlotView } from '../scheduling/slot-view';
import { fieldFailure } from './field-failure';
import { epochMsOf, utcText } from '../../data/sql/sql-time';
import { bookQueuedEntry } from './queued-booking';

const toMatchable = (e: WaitingEntryView): WaitingListEntry => ({ ...e, createdAt: epochMsOf(e.createdAt) });

async function loadEntry(sql: SqlStore, entryId: number): Promise<WaitingEntryView> {
  const entry = await waitingListRepository(sql).entry(entryId);
  if (!entry) throw new AppFailure('NOT_FOUND', 'That waiting-list entry does not exist.');
  return entry;
}

export interface AddWaitingInput {
  patientId: number;
  doctorId?: number;
  specialization?: string;
  fromDate: string;
  toDate: string;
  earliestTime: string;
  latestTime: string;
  durationMinutes?: number;
  appointmentType?: AppointmentType;
  priority: number;
  notes?: string;
}

/** Puts a patient on the waiting list. The window must not lie wholly in the past. */
export async function addToWaitingList(sql: SqlStore, input: AddWaitingInput, clock: EpochMinuteClock): Promise<WaitingEntryView> {
  const settings = await loadClinicSettings(sql.models);
  const today = instantToWall(clock(), settings.timezone).date;
  if (input.toDate < today) throw fieldFailure('toDate', 'The window has already passed');
  const duration = input.durationMinutes ?? settings.defaultDurationMinutes;
  if (parseTime(input.latestTime) - parseTime(input.earliestTime) < duration)
    throw fieldFailure('latestTime', `The time window is shorter than the ${duration}-minute appointment`);
  const patient = await sql.models.Patient.findByPk(input.patientId, { attributes: ['id', 'isActive'] });
  if (!patient || patient.isActive === false)
    throw new AppFailure('NOT_FOUND', 'That patient does not exist or is deactivated.');
  if (input.doctorId !== undefined) {
    const doctor = await sql.models.Doctor.findByPk(input.doctorId, { attributes: ['id', 'isActive'] });
    if (!doctor || doctor.isActive === false)
      throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
  }
  const waitingList = waitingListRepository(sql);
  await waitingList.add({
    patientId: input.patientId,
    doctorId: input.doctorId ?? null,
    specialization: input.doctorId === undefined ? (input.specialization ?? null) : null,
    fromDate: input.fromDate < today ? today : input.fromDate,
    toDate: input.toDate,
    earliestTime: input.earliestTime,
    latestTime: input.latestTime,
    durationMinutes: duration,
    appointmentType: input.appointmentType ?? 'Consultation',
    priority: input.priority,
    notes: input.notes || null,
    createdAt: utcText(clock()),
  });
  const [latest] = (await waitingList.waitingOfPatient(input.patientId)).sort((a, b) => b.id - a.id);
  return latest!;
}

export async function removeFromWaitingList(sql: SqlStore, entryId: number, clock: EpochMinuteClock): Promise<WaitingEntryView> {
  const entry = await loadEntry(sql, entryId);
  if (entry.status !== 'Waiting') throw new AppFailure('CONFLICT', 'This entry is no longer waiting.');
  await waitingListRepository(sql).markRemoved(entryId, utcText(clock()));
  return loadEntry(sql, entryId);
}

/**
 * The waiting entries (best placed first), those whose window has passed left out; with
 * `withSlots`, each with its three soonest free slots that fit it now (one search per entry).
 */
export async function listWaitingList(
  sql: SqlStore,
  input: { withSlots: boolean },
  clock: EpochMinuteClock,
): Promise<WaitingEntryWithSlots[]> {
  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const entries = await waitingListRepository(sql).waitingFrom(today);
  const result: WaitingEntryWithSlots[] = [];
  for (const entry of entries) {
    if (!input.withSlots) {
      result.push({ ...entry, slots: [] });
      continue;
    }
    const from = entry.fromDate > today ? entry.fromDate : today;
    const days = Math.min(90, daysBetween(from, entry.toDate) + 1);
    const { candidates } = await findSoonestSlots(
      sql.sequelize,
      rules,
      {
        ...(entry.doctorId !== null ? { doctorIds: [entry.doctorId] } : { specialization: entry.specialization ?? '' }),
        durationMinutes: entry.durationMinutes,
        count: 50,
        fromDate: from,
        days,
      },
      now,
    );
    const fitting = candidates
      .filter(
        (c) => c.time >= entry.earliestTime && parseTime(c.time) + entry.durationMinutes <= parseTime(entry.latestTime),
      )
      .slice(0, 3);
    result.push({ ...entry, slots: fitting.map((c) => toSlotView(c.doctor, c)) });
  }
  return result;
}

/**
 * Who on the waiting list should be offered a slot that has just opened (a cancellation, new
 * hours): every waiting entry that fits it (shared/domain/reception/waiting-list-match.ts), less
 * the patients who already have an appointment overlapping it, in priority then waiting order.
 */
export async function offersForOpenedSlot(
  sql: SqlStore,
  slot: { doctorId: number; date: string; time: string; durationMinutes: number },
): Promise<WaitingListOffer[]> {
  const doctor = await sql.models.Doctor.findByPk(slot.doctorId, {
    attributes: ['id', 'firstName', 'lastName', 'specialization', 'isActive'],
  });
  if (!doctor || doctor.isActive === false)
    throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
  const waitingList = waitingListRepository(sql);
  const entries = await waitingList.waitingFitting({ date: slot.date, doctorId: slot.doctorId, specialization: doctor.specialization });
  if (entries.length === 0) return [];
  const busy = await waitingList.liveAppointmentsOfPatientsOn([...new Set(entries.map((e) => e.patientId))], slot.date);
  const start = parseTime(slot.time);
  const opened = {
    doctorId: slot.doctorId,
    specialization: doctor.specialization,
    date: slot.date,
    time: slot.time,
    durationMinutes: slot.durationMinutes,
  };
  const ranked = rankWaitingListMatches(entries.map(toMatchable), opened, (entry) =>
    busy.some((b) => {
      if (b.patientId !== entry.patientId) return false;
      const at = parseTime(b.time);
      return overlaps(
        { start: at, end: at + b.durationMinutes },
        { start, end: start + entry.durationMinutes },
      );
    }),
  );
  const byId = new Map(entries.map((e) => [e.id, e]));
  const summary = {
    id: doctor.id,
    firstName: doctor.firstName,
    lastName: doctor.lastName,
    specialization: doctor.specialization,
    bufferMinutes: null,
  };
  return ranked.map((match, index) => ({
    rank: index + 1,
    entry: byId.get(match.id)!,
    slot: toSlotView(summary, { date: slot.date, time: slot.time, durationMinutes: match.durationMinutes }),
  }));
}

/**
 * Books a waiting patient into a slot in one step, through bookAppointment (so every scheduling
 * rule holds), then marks the entry Booked. A retry with the same idempotency key finishes the job.
 */
export async function bookFromWaitingList(
  sql: SqlStore,
  input: { entryId: number; doctorId: number; date: string; time: string; idempotencyKey: string },
  clock: EpochMinuteClock,
): Promise<WaitingListBooking> {
  const entry = await loadEntry(sql, input.entryId);
  const appointment = await bookQueuedEntry(sql, { what: 'waiting-list entry', markBooked: waitingListRepository(sql).markBooked }, input.entryId, entry, input, clock);
  return { entry: await loadEntry(sql, input.entryId), appointment };
}
