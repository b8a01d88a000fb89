import { addDays, checkTransition, datesBetween, instantToWall, weekStartOf, wallToInstantLenient, parseTime } from '../../../../shared/domain/scheduling';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import type { DoctorAppointmentRow, DoctorDayView } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { doctorDayRepository } from '../../data/sql/repositories/doctor-day-repository';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { doctorDisplayName } from '../scheduling/slot-view';
import { doctorIdOf } from './own-records';


/** The signed-in doctor's own day, the week around it, and who is next. */
export async function myDay(sql: SqlStore, user: SessionUser, input: { date: string }, clock: EpochMinuteClock): Promise<DoctorDayView> {
  const doctorId = doctorIdOf(user);
  const doctor = await sql.models.Doctor.findByPk(doctorId);
  if (!doctor) throw new AppFailure('NOT_FOUND', 'Your doctor record no longer exists.');
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const monday = weekStartOf(input.date, displayLocaleOf(settings).weekStart);
  const sunday = addDays(monday, 6);
  const appointments = doctorDayRepository(sql);
  const weekRows = await appointments.ofDoctorBetween(doctorId, monday, sunday);
  const upcoming = await appointments.upcomingOfDoctor(doctorId, today, 50);
  const nextPatient =
    upcoming.find((row) => wallToInstantLenient(row.date, parseTime(row.time), settings.timezone) + row.durationMinutes > now) ?? null;
  return {
    doctorName: doctorDisplayName(doctor),
    date: input.date,
    today,
    appointments: weekRows.filter((row) => row.date === input.date),
    week: datesBetween(monday, sunday).map((date) => ({ date, appointments: weekRows.filter((row) => row.date === date) })),
    nextPatient,
  };
}

/** What the lifecycle lets the doctor record now for one appointment. */
export function outcomesAllowed(row: DoctorAppointmentRow, zone: string, now: number): { canComplete: boolean; canMarkNoShow: boolean } {
  const startsAt = wallToInstantLenient(row.date, parseTime(row.time), zone);
  return {
    canComplete: checkTransition(row.status, 'Completed', startsAt, now).ok,
    canMarkNoShow: checkTransition(row.status, 'No-Show', startsAt, now).ok,
  };
}
