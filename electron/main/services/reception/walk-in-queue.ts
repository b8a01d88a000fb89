import { instantToWall, parseTime, wallToInstantLenient } from '../../../../shared/domain/scheduling';
import {
  estimateWalkInWaits,
  runningDelays,
  type CandidateSlot,
  type TodayAppointment,
} from '../../../../shared/domain/reception/running-delay';
import { AppFailure } from '../../../../shared/ipc/result';
import type {
  WalkInBooking,
  WalkInEntryView,
  WalkInQueue,
  WalkInQueueRow,
} from '../../../../shared/ipc/reception/types';
import type { AppointmentType, SlotView } from '../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { peopleRepository } from '../../data/sql/repositories/people-repository';
import { walkInQueueRepository } from '../../data/sql/repositories/walk-in-queue-repository';
import { inWriteTransaction } from '../../data/sql/write-retry';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';
import { findSoonestSlots } from '../scheduling/soonest';
import { toSlotView } from '../scheduling/slot-view';
import { epochMsOf, utcText } from '../../data/sql/sql-time';
import { bookQueuedEntry } from './queued-booking';

async function loadEntry(sql: SqlStore, entryId: number): Promise<WalkInEntryView> {
  const entry = await walkInQueueRepository(sql).entry(entryId);
  if (!entry) throw new AppFailure('NOT_FOUND', 'That walk-in is not in the queue.');
  return entry;
}

export interface JoinWalkInInput {
  patientId: number;
  doctorId?: number;
  specialization?: string;
  durationMinutes?: number;
  appointmentType?: AppointmentType;
  notes?: string;
}

/** Puts a walk-in in the queue, arrived now. A patient already waiting is refused (CONFLICT). */
export async function joinWalkInQueue(sql: SqlStore, input: JoinWalkInInput, clock: EpochMinuteClock): Promise<WalkInEntryView> {
  const settings = await loadClinicSettings(sql.models);
  const queue = walkInQueueRepository(sql);
  const people = peopleRepository(sql);
  const id = await inWriteTransaction(sql.sequelize, async (transaction) => {
    if (!(await people.isActivePatient(input.patientId, transaction)))
      throw new AppFailure('NOT_FOUND', 'That patient does not exist or is deactivated.');
    if (input.doctorId !== undefined && !(await people.isActiveDoctor(input.doctorId, transaction)))
      throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
    if (await queue.patientHasWaitingEntry(input.patientId, transaction))
      throw new AppFailure('CONFLICT', 'This patient is already in the walk-in queue.');
    return queue.add(
      {
        patientId: input.patientId,
        doctorId: input.doctorId ?? null,
        specialization: input.doctorId === undefined ? (input.specialization ?? null) : null,
        durationMinutes: input.durationMinutes ?? settings.defaultDurationMinutes,
        appointmentType: input.appointmentType ?? 'Consultation',
        notes: input.notes || null,
        arrivedAt: utcText(clock()),
      },
      transaction,
    );
  });
  return loadEntry(sql, id);
}

/** Takes a walk-in off the queue without booking (they left, or were seen otherwise). */
export async function removeFromWalkInQueue(sql: SqlStore, entryId: number, clock: EpochMinuteClock): Promise<WalkInEntryView> {
  const entry = await loadEntry(sql, entryId);
  if (entry.status !== 'Waiting') throw new AppFailure('CONFLICT', 'This walk-in is no longer waiting.');
  await walkInQueueRepository(sql).markRemoved(entryId, utcText(clock()));
  return loadEntry(sql, entryId);
}

/**
 * Books a waiting walk-in into a slot through bookAppointment (every scheduling rule, the locks,
 * the idempotency key), then marks the entry Booked. A retry with the same key finds the same
 * appointment and completes the marking.
 */
export async function bookWalkIn(
  sql: SqlStore,
  input: { entryId: number; doctorId: number; date: string; time: string; idempotencyKey: string },
  clock: EpochMinuteClock,
): Promise<WalkInBooking> {
  const entry = await loadEntry(sql, input.entryId);
  const appointment = await bookQueuedEntry(sql, { what: 'walk-in', markBooked: walkInQueueRepository(sql).markBooked }, input.entryId, entry, input, clock);
  return { entry: await loadEntry(sql, input.entryId), appointment };
}

/**
 * The queue as the flow board shows it: waiting walk-ins in arrival order, each with the slot
 * they would probably get today (the soonest ones, handed out in arrival order) and the wait,
 * the doctors' running delay included (shared/domain/reception/running-delay.ts).
 */
export async function listWalkInQueue(sql: SqlStore, clock: EpochMinuteClock): Promise<WalkInQueue> {
  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const queue = walkInQueueRepository(sql);
  const entries = await queue.waiting();
  const liveToday = await queue.liveAppointmentsOn(today);
  const todays: TodayAppointment[] = liveToday.map((a) => ({
    doctorId: a.doctorId,
    startsAt: wallToInstantLenient(today, parseTime(a.time), settings.timezone),
    status: a.status,
  }));
  const delays = runningDelays(todays, now);
  const doctorNames = new Map(liveToday.map((a) => [a.doctorId, a.doctorName]));

  // one soonest search per distinct wish (any doctor / a specialization / a doctor), today only
  const slots: CandidateSlot[] = [];
  const views = new Map<string, SlotView>();
  const wishes = new Map<
    string,
    { doctorIds?: number[]; specialization?: string; durationMinutes: number; count: number }
  >();
  for (const e of entries) {
    const key = `${e.doctorId ?? ''}|${e.doctorId === null ? (e.specialization ?? '') : ''}|${e.durationMinutes}`;
    const wish = wishes.get(key) ?? {
      ...(e.doctorId !== null
        ? { doctorIds: [e.doctorId] }
        : e.specialization
          ? { specialization: e.specialization }
          : {}),
      durationMinutes: e.durationMinutes,
      count: 0,
    };
    wish.count += 4;
    wishes.set(key, wish);
  }
  for (const wish of wishes.values()) {
    const { candidates } = await findSoonestSlots(
      sql.sequelize,
      rules,
      { ...wish, count: Math.min(wish.count, 50), fromDate: today, days: 1 },
      now,
    );
    for (const c of candidates) {
      const key = `${c.doctor.id}|${c.startsAt}|${c.durationMinutes}`;
      if (views.has(key)) continue;
      views.set(key, toSlotView(c.doctor, c));
      slots.push({
        doctorId: c.doctor.id,
        specialization: c.doctor.specialization,
        startsAt: c.startsAt,
        durationMinutes: c.durationMinutes,
      });
      if (!doctorNames.has(c.doctor.id)) doctorNames.set(c.doctor.id, `Dr. ${c.doctor.firstName} ${c.doctor.lastName}`);
    }
  }
  const estimates = estimateWalkInWaits(
    entries.map((e) => ({
      id: e.id,
      arrivedAt: Math.floor(epochMsOf(e.arrivedAt) / 60_000),
      doctorId: e.doctorId,
      specialization: e.specialization,
    })),
    slots,
    delays,
    now,
  );
  const byId = new Map(estimates.map((e) => [e.id, e]));
  const rows: WalkInQueueRow[] = entries.map((e) => {
    const estimate = byId.get(e.id);
    const slot = estimate?.slot
      ? (views.get(`${estimate.slot.doctorId}|${estimate.slot.startsAt}|${estimate.slot.durationMinutes}`) ?? null)
      : null;
    return {
      ...e,
      waitedMinutes: Math.max(0, now - Math.floor(epochMsOf(e.arrivedAt) / 60_000)),
      estimatedWaitMinutes: estimate?.waitMinutes ?? null,
      expectedSlot: slot,
      runningDelayMinutes: estimate?.delayMinutes ?? 0,
    };
  });
  return {
    now: new Date(now * 60_000).toISOString(),
    rows,
    delays: [...delays.entries()]
      .filter(([, minutes]) => minutes > 0)
      .map(([doctorId, minutes]) => ({
        doctorId,
        doctorName: doctorNames.get(doctorId) ?? `Doctor ${doctorId}`,
        minutes,
      })),
  };
}
