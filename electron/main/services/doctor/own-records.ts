import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { Appointment } from '../../data/sql/models/appointment';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { appointmentRepository } from '../../data/sql/repositories/appointment-repository';

/**
 * "Only the doctor's own patients": a patient is the doctor's when they have an appointment with
 * that doctor (any status). Each refusal is FORBIDDEN, which the dispatcher records in the audit
 * trail as a denied attempt, like a refusal of the role check.
 */

export function doctorIdOf(user: SessionUser): number {
  if (user.kind !== 'doctor') throw new AppFailure('FORBIDDEN', 'Only a doctor signed in at a workstation can do this.');
  return user.id;
}

const NOT_YOURS = 'This is not one of your patients: you can open only the records of patients who have an appointment with you.';

/** The appointment, when it is the doctor's own; FORBIDDEN for another doctor's, NOT_FOUND when there is none. */
export async function ownAppointment(sql: SqlStore, doctorId: number, appointmentId: number): Promise<Appointment> {
  const row = await sql.models.Appointment.findByPk(appointmentId);
  if (!row) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
  if (row.doctorId !== doctorId) throw new AppFailure('FORBIDDEN', NOT_YOURS);
  return row;
}

export async function assertOwnPatient(sql: SqlStore, doctorId: number, patientId: number): Promise<void> {
  if (!(await appointmentRepository(sql).doctorHasAppointmentWith(doctorId, patientId))) throw new AppFailure('FORBIDDEN', NOT_YOURS);
}
