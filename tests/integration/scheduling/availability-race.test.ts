import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../electron/main/data/generator/random';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import {
  addUnavailableBlock,
  saveWeeklyAvailability,
} from '../../../electron/main/services/availability/doctor-availability';
import { lockRow } from '../../../electron/main/services/scheduling/booking';
import { loadClinicSettings, schedulingRules } from '../../../electron/main/services/scheduling/rules';
import {
  addDays,
  appointmentInterval,
  containedIn,
  formatTime,
  normalize,
  workingIntervals,
} from '../../../shared/domain/scheduling';
import type { ScheduleChangeResult, WeeklyRange } from '../../../shared/ipc/admin/availability';
import { AppFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { MONDAY, NOW, seedClinic } from './clinic-fixture';
import type { RaceBooking, RacePlan, RaceReport, RaceScheduleChange } from './availability-race-worker';

const run = promisify(execFile);
const DATES = [0, 1, 2, 3].map((d) => addDays(MONDAY, d));
const BOOKINGS_PER_LANE = 30;
const CHANGES_PER_PROCESS = 20;

function randomBookings(random: SeededRandom, doctorId: number, patients: number[]): RaceBooking[] {
  return Array.from({ length: BOOKINGS_PER_LANE }, () => ({
    doctorId,
    patientId: random.pick(patients),
    date: random.pick(DATES),
    time: formatTime(8 * 60 + random.int(0, 38) * 15),
    durationMinutes: random.pick([15, 30, 45, 60]),
  }));
}

function randomWeek(random: SeededRandom): WeeklyRange[] {
  return [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: random.pick(['08:00', '09:00', '10:00', '11:00']),
    endTime: random.pick(['13:00', '15:00', '17:00', '18:00']),
    isAvailable: true,
  }));
}

function randomChanges(random: SeededRandom, doctorId: number): RaceScheduleChange[] {
  return Array.from({ length: CHANGES_PER_PROCESS }, (): RaceScheduleChange => {
    const choice = random.pick(['refuse', 'keep', 'cancel'] as const);
    if (random.chance(0.5)) return { kind: 'weekly', doctorId, weekly: randomWeek(random), choice };
    const start = 8 * 60 + random.int(0, 8) * 60;
    const wholeDay = random.chance(0.15);
    return {
      kind: 'block',
      doctorId,
      choice,
      block: {
        date: random.pick(DATES),
        startTime: wholeDay ? null : formatTime(start),
        endTime: wholeDay ? null : formatTime(start + random.pick([30, 60, 90])),
        reason: 'Generated day off',
      },
    };
  });
}

const admin: SessionUser = { id: 1, kind: 'staff', role: 'admin', displayName: 'Generated Admin' };
const MORNINGS_ONLY: WeeklyRange[] = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
  dayOfWeek,
  startTime: '08:00',
  endTime: '12:00',
  isAvailable: true,
}));

/** Resolves once `sequelize` is about to send a statement matching `pattern` (its logging hook runs before each statement). */
function statementSent(sql: SqlStore, pattern: RegExp): Promise<void> {
  const options = (sql.sequelize as unknown as { options: { logging?: unknown } }).options;
  return new Promise((resolve) => {
    options.logging = (message: string) => {
      if (pattern.test(message)) resolve();
    };
  });
}

async function outcomeOf(change: Promise<ScheduleChangeResult>): Promise<string> {
  try {
    await change;
    return 'saved';
  } catch (error) {
    return error instanceof AppFailure ? error.code : String(error);
  }
}

describe.each(SQL_TARGETS)('a change of hours waits for a booking in flight on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let otherWorkstation: SqlStore;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;

  beforeAll(async () => {
    store = await openTestStore(target);
    otherWorkstation = await openSqlStore(store.config);
    clinic = await seedClinic(store, { doctors: 2, patients: 1 });
  });
  afterAll(async () => {
    await otherWorkstation?.close();
    await store?.dispose();
  });

  const changes = {
    'weekly hours': (doctorId: number) =>
      saveWeeklyAvailability(
        otherWorkstation,
        doctorId,
        MORNINGS_ONLY,
        { conflicts: 'refuse' },
        admin,
        () => NOW,
        async () => undefined,
      ),
    'a day off': (doctorId: number) =>
      addUnavailableBlock(
        otherWorkstation,
        doctorId,
        { date: MONDAY, startTime: '15:00', endTime: '17:00', reason: 'Generated day off' },
        { conflicts: 'refuse' },
        admin,
        () => NOW,
        async () => undefined,
      ),
  };

  it.each((Object.keys(changes) as (keyof typeof changes)[]).map((kind, index) => ({ kind, index })))(
    'sees the booking committed while it waited, and refuses to strand it ($kind)',
    async ({ kind, index }) => {
      const doctorId = clinic.doctors[index]!.id;
      // A booking holding the doctor's row, its appointment (16:00, inside today's hours) not yet committed.
      const booking = await store.sequelize.transaction();
      await lockRow(store, 'Doctor', doctorId, booking);
      const appointment = await store.models.Appointment.create(
        {
          patientId: clinic.patients[0]!.id,
          doctorId,
          appointmentDate: MONDAY,
          appointmentTime: '16:00',
          durationMinutes: 30,
          appointmentType: 'Consultation',
        },
        { transaction: booking },
      );
      const began = statementSent(otherWorkstation, /START TRANSACTION|BEGIN/);
      const change = outcomeOf(changes[kind](doctorId));
      await Promise.race([began, change]);
      await booking.commit();
      expect(await change).toBe('CONFLICT');
      const live = await store.models.Appointment.findByPk(appointment.id);
      expect(live?.status).toBe('Scheduled');
    },
  );
});

describe.each(SQL_TARGETS)('hours and days off changing while two workstations book on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;

  beforeAll(async () => {
    store = await openTestStore(target);
  });
  afterAll(async () => store?.dispose());

  it(
    "leaves no live appointment outside the doctor's hours unless the admin chose to keep it",
    { timeout: 180_000 },
    async () => {
      const clinic = await seedClinic(store, { doctors: 1, patients: 16 });
      const doctorId = clinic.doctors[0]!.id;
      const patients = clinic.patients.map((p) => p.id);
      const plans = [1, 2].map((seed) => {
        const random = new SeededRandom(seed * 104_729);
        const plan: RacePlan = {
          config: store.config,
          now: NOW,
          bookingLanes: [randomBookings(random, doctorId, patients), randomBookings(random, doctorId, patients)],
          changes: randomChanges(random, doctorId),
        };
        return JSON.stringify(plan);
      });
      const outputs = await Promise.all(
        plans.map((plan) =>
          run('npx', ['tsx', 'tests/integration/scheduling/availability-race-worker.ts', plan], { cwd: process.cwd() }),
        ),
      );
      const reports = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop() as string) as RaceReport);
      const total = (outcome: string) => reports.reduce((sum, r) => sum + (r.outcomes[outcome] ?? 0), 0);
      console.log(`${target.name}: ${JSON.stringify(reports.map((r) => r.outcomes))}`);
      expect(reports.flatMap((r) => Object.keys(r.outcomes)).filter((k) => k.includes('ERROR'))).toEqual([]);
      // the race happened: bookings won and lost, hours and days off were saved
      expect(total('BOOKED')).toBeGreaterThan(5);
      expect(total('weekly saved') + total('block saved')).toBeGreaterThan(5);

      const kept = new Set(reports.flatMap((r) => r.keptAppointmentIds));
      const rules = schedulingRules(await loadClinicSettings(store.models));
      const weekly = (await store.models.DoctorAvailability.findAll({ where: { doctorId } })).map((r) => ({
        dayOfWeek: r.dayOfWeek,
        startTime: r.startTime,
        endTime: r.endTime,
        isAvailable: Boolean(r.isAvailable),
      }));
      const blocks = (await store.models.DoctorUnavailableDate.findAll({ where: { doctorId } })).map((b) => ({
        date: b.unavailableDate,
        startTime: b.startTime ?? null,
        endTime: b.endTime ?? null,
      }));
      const live = await store.models.Appointment.findAll({ where: { doctorId, status: ['Scheduled', 'Confirmed'] } });
      expect(live.length).toBeGreaterThan(0);
      const stranded = live
        .filter((a) => !kept.has(a.id))
        .filter((a) => {
          const interval = appointmentInterval(
            { date: a.appointmentDate, time: a.appointmentTime, durationMinutes: a.durationMinutes },
            rules.timezone,
          );
          return (
            interval === null ||
            !containedIn(interval, normalize(workingIntervals(a.appointmentDate, { weekly, blocks }, rules)))
          );
        })
        .map((a) => `#${a.id} ${a.appointmentDate} ${a.appointmentTime.slice(0, 5)} ${a.durationMinutes} min`);
      expect(stranded).toEqual([]);
    },
  );
});
