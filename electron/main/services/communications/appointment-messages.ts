import { formatClockTime, formatDayLong } from '../../../../shared/domain/display-format';
import { QueryTypes } from 'sequelize';
import { instantToWall, parseTime, wallToInstant } from '../../../../shared/domain/scheduling';
import { type MessageKind, type TemplateValues } from '../../../../shared/domain/communications/templates';
import { displayLocaleOf, type ClinicSettings } from '../../../../shared/domain/settings-registry';
import type { SqlStore } from '../../data/sql/open-sql-store';

/** An appointment with what a message about it needs: the patient's contacts, the doctor's name. */
export interface AppointmentForMessage {
  id: number;
  patientId: number;
  doctorId: number;
  date: string;
  /** 'HH:MM' */
  time: string;
  status: string;
  /** Created within the scanned window: a new booking, not a change of an older one. */
  isNew: boolean;
  patientFirstName: string;
  patientLastName: string;
  email: string;
  phone: string;
  emailOptOut: boolean;
  patientActive: boolean;
  doctorFirstName: string;
  doctorLastName: string;
}

interface Row {
  id: number;
  patient_id: number;
  doctor_id: number;
  appointment_date: string;
  appointment_time: string;
  status: string;
  is_new: number | string | null;
  p_first: string;
  p_last: string;
  email: string;
  phone: string;
  email_opt_out: number | boolean | string | null;
  p_active: number | boolean | string | null;
  d_first: string;
  d_last: string;
}

const truthy = (v: number | boolean | string | null) => v === true || Number(v) === 1;

function fromRow(row: Row): AppointmentForMessage {
  return {
    id: Number(row.id),
    patientId: Number(row.patient_id),
    doctorId: Number(row.doctor_id),
    date: String(row.appointment_date).slice(0, 10),
    time: String(row.appointment_time).slice(0, 5),
    status: row.status,
    isNew: truthy(row.is_new),
    patientFirstName: row.p_first,
    patientLastName: row.p_last,
    email: row.email,
    phone: row.phone,
    emailOptOut: truthy(row.email_opt_out),
    patientActive: row.p_active === null || truthy(row.p_active),
    doctorFirstName: row.d_first,
    doctorLastName: row.d_last,
  };
}

const SELECT = (isNew: string) => `SELECT a.id, a.patient_id, a.doctor_id, a.appointment_date, a.appointment_time, a.status, ${isNew} AS is_new,
    p.first_name AS p_first, p.last_name AS p_last, p.email, p.phone, p.email_opt_out, p.is_active AS p_active,
    d.first_name AS d_first, d.last_name AS d_last
  FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN doctors d ON d.id = a.doctor_id`;

/** Live appointments whose start falls within (now, now + lead]: the reminders due. */
export async function appointmentsStartingWithin(sql: SqlStore, zone: string, now: number, leadMinutes: number): Promise<AppointmentForMessage[]> {
  const rows = await sql.sequelize.query<Row>(
    `${SELECT('0')} WHERE a.appointment_date BETWEEN :first AND :last AND a.status IN ('Scheduled', 'Confirmed') ORDER BY a.appointment_date, a.appointment_time, a.id`,
    { replacements: { first: instantToWall(now, zone).date, last: instantToWall(now + leadMinutes, zone).date }, type: QueryTypes.SELECT },
  );
  return rows.map(fromRow).filter((a) => {
    const start = startOf(a, zone);
    return start !== null && start > now && start <= now + leadMinutes;
  });
}

/** Appointments changed (or created) since `since`, starting after `now`: where notices come from. */
export async function appointmentsChangedSince(sql: SqlStore, zone: string, since: Date, now: number): Promise<AppointmentForMessage[]> {
  const rows = await sql.sequelize.query<Row>(
    `${SELECT('CASE WHEN a.created_at >= :since THEN 1 ELSE 0 END')} WHERE a.updated_at >= :since AND a.appointment_date >= :today ORDER BY a.updated_at, a.id`,
    { replacements: { since, today: instantToWall(now, zone).date }, type: QueryTypes.SELECT },
  );
  return rows.map(fromRow).filter((a) => (startOf(a, zone) ?? -Infinity) > now);
}

export async function appointmentForMessage(sql: SqlStore, appointmentId: number): Promise<AppointmentForMessage | null> {
  const [row] = await sql.sequelize.query<Row>(`${SELECT('0')} WHERE a.id = :id`, { replacements: { id: appointmentId }, type: QueryTypes.SELECT });
  return row ? fromRow(row) : null;
}

export function startOf(a: { date: string; time: string }, zone: string): number | null {
  return wallToInstant(a.date, parseTime(a.time), zone);
}

/** The placeholder values of a message about this appointment. */
export function templateValues(a: AppointmentForMessage, settings: ClinicSettings): TemplateValues {
  return {
    clinicName: settings.clinicName,
    patientFirstName: a.patientFirstName,
    patientName: `${a.patientFirstName} ${a.patientLastName}`,
    doctorName: `Dr. ${a.doctorFirstName} ${a.doctorLastName}`,
    date: formatDayLong(a.date, displayLocaleOf(settings)),
    time: formatClockTime(a.time, displayLocaleOf(settings)),
    address: settings.clinicAddress,
  };
}

/** What a claim is keyed on besides the appointment: its slot (reminders, booking and move notices). */
export const slotState = (a: AppointmentForMessage) => `${a.date} ${a.time} d${a.doctorId}`;

export const SLOT_KINDS: readonly MessageKind[] = ['appointment_confirmation', 'appointment_rescheduled'];
