/**
 * One "workstation" of the availability race: its own process and connection pool. Reads the
 * plan from argv as JSON; books in two lanes while a third lane changes the doctor's weekly hours
 * and days off; prints the outcome counts and the appointments the admin chose to keep outside
 * the new hours as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import type { SqlConfig } from '../../../electron/main/data/sql/connection';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import {
  addUnavailableBlock,
  previewBlock,
  previewWeeklyChange,
  saveWeeklyAvailability,
} from '../../../electron/main/services/availability/doctor-availability';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import type {
  ConflictResolution,
  ScheduleChangeResult,
  UnavailableBlockInput,
  WeeklyRange,
} from '../../../shared/ipc/admin/availability';
import { AppFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';

export interface RaceBooking {
  patientId: number;
  doctorId: number;
  date: string;
  time: string;
  durationMinutes: number;
}

export type RaceScheduleChange =
  | { kind: 'weekly'; doctorId: number; weekly: WeeklyRange[]; choice: ConflictResolution['conflicts'] }
  | { kind: 'block'; doctorId: number; block: UnavailableBlockInput; choice: ConflictResolution['conflicts'] };

export interface RacePlan {
  config: SqlConfig;
  now: number;
  bookingLanes: RaceBooking[][];
  changes: RaceScheduleChange[];
}

export interface RaceReport {
  outcomes: Record<string, number>;
  keptAppointmentIds: number[];
}

const admin: SessionUser = { id: 1, kind: 'staff', role: 'admin', displayName: 'Generated Admin' };
const noAudit = async () => undefined;

async function applyChange(
  store: SqlStore,
  change: RaceScheduleChange,
  clock: () => number,
): Promise<ScheduleChangeResult> {
  let resolution: ConflictResolution = { conflicts: change.choice === 'cancel' ? 'refuse' : change.choice };
  if (change.choice === 'cancel') {
    // as the admin screen does: preview, then cancel exactly the listed appointments
    const affected =
      change.kind === 'weekly'
        ? await previewWeeklyChange(store, change.doctorId, change.weekly, clock)
        : await previewBlock(store, change.doctorId, change.block, clock);
    resolution = {
      conflicts: 'cancel',
      reason: 'The doctor is away',
      appointmentIds: affected.map((a) => a.appointmentId),
    };
  }
  return change.kind === 'weekly'
    ? saveWeeklyAvailability(store, change.doctorId, change.weekly, resolution, admin, clock, noAudit)
    : addUnavailableBlock(store, change.doctorId, change.block, resolution, admin, clock, noAudit);
}

function codeOf(error: unknown): string {
  return error instanceof AppFailure ? error.code : `ERROR ${(error as Error).message}`;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] as string) as RacePlan;
  const clock = () => plan.now;
  const store = await openSqlStore(plan.config);
  const report: RaceReport = { outcomes: {}, keptAppointmentIds: [] };
  const count = (outcome: string) => {
    report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
  };
  const bookingLane = async (bookings: RaceBooking[]) => {
    for (const booking of bookings) {
      try {
        await bookAppointment(store, { ...booking, idempotencyKey: randomUUID() }, clock);
        count('BOOKED');
      } catch (error) {
        count(codeOf(error));
      }
    }
  };
  const changeLane = async () => {
    for (const change of plan.changes) {
      try {
        const result = await applyChange(store, change, clock);
        count(`${change.kind} saved`);
        if (result.cancelled.length > 0) count(`${change.kind} cancelled some`);
        report.keptAppointmentIds.push(...result.kept.map((a) => a.appointmentId));
      } catch (error) {
        count(`${change.kind} ${codeOf(error)}`);
      }
    }
  };
  await Promise.all([...plan.bookingLanes.map(bookingLane), changeLane()]);
  await store.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
