import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { setAppointmentStatus } from '../scheduling/booking';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { doctorIdOf, ownAppointment } from './own-records';

/** Completed or No-Show, on the doctor's own appointment only, under the lifecycle's rules. */
export async function setVisitOutcome(
  sql: SqlStore,
  user: SessionUser,
  input: { appointmentId: number; status: 'Completed' | 'No-Show' },
  clock: EpochMinuteClock,
): Promise<AppointmentView> {
  await ownAppointment(sql, doctorIdOf(user), input.appointmentId);
  // An appointment's doctor changes only by rescheduling, which keeps it someone's appointment;
  // the status rules (and the row lock) are the scheduling engine's own.
  return setAppointmentStatus(sql, input, clock);
}
