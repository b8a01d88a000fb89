import type { Sequelize } from 'sequelize';
import type { AppointmentStatus } from '../../../../../shared/domain/scheduling';
import type { AppointmentType } from '../../../../../shared/ipc/scheduling-types';
import { leanSelect } from '../lean-statements';
import { chosenDoctorsWhere, type DoctorFilter } from './schedule-repository';

export interface DayAppointmentRow {
  id: number;
  doctor_id: number;
  patient_id: number;
  appointment_time: string;
  duration_minutes: number;
  status: AppointmentStatus;
  appointment_type: AppointmentType;
  series_id: number | null;
  checked_in_at: string | Date | null;
  in_room_at: string | Date | null;
  with_doctor_at: string | Date | null;
  checked_out_at: string | Date | null;
  walk_in: number | boolean | string;
  first_name: string;
  last_name: string;
  phone: string;
}

/**
 * Every appointment of the chosen doctors on one date, any status, with the patient's name and
 * phone: ONE statement whatever the number of doctors (a join, not a lookup per appointment),
 * on the (doctor_id, appointment_date, appointment_time) index. Sent lean: it is the statement
 * behind every date change of the calendar.
 */
export function dayAppointmentRows(sequelize: Sequelize, filter: DoctorFilter, date: string): Promise<DayAppointmentRow[]> {
  const doctors = chosenDoctorsWhere(filter);
  return leanSelect<DayAppointmentRow>(
    sequelize,
    `SELECT a.id, a.doctor_id, a.patient_id, a.appointment_time, a.duration_minutes, a.status, a.appointment_type, a.series_id,
            a.checked_in_at, a.in_room_at, a.with_doctor_at, a.checked_out_at, a.walk_in, p.first_name, p.last_name, p.phone
       FROM appointments a JOIN patients p ON p.id = a.patient_id
      WHERE a.appointment_date = ?
        AND a.doctor_id IN (SELECT d.id FROM doctors d WHERE ${doctors.where})
      ORDER BY a.doctor_id, a.appointment_time, a.id`,
    [date, ...doctors.params],
  );
}
