import { Op } from 'sequelize';
import { addDays, instantToWall } from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { KioskPrescriptions, KioskVisit, KioskVisits } from '../../../../shared/ipc/kiosk/types';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { DocumentStore } from '../../data/documents/document-store';
import type { Appointment } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { recordArrival } from '../scheduling/arrival';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';

const VISIT_LIMIT = 20;
const RECENT_DAYS = 90;

interface DoctorName {
  name: string;
  specialization: string;
}

export async function doctorNames(sql: SqlStore, ids: readonly number[]): Promise<Map<number, DoctorName>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.models.Doctor.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'firstName', 'lastName', 'specialization'] });
  return new Map(rows.map((row) => [row.id, { name: `Dr. ${row.firstName} ${row.lastName}`, specialization: row.specialization }]));
}

/**
 * The signed-in patient's own visits: upcoming ones (today's to check in for) and recent
 * completed ones (to leave feedback for). Only ever the patient of the session.
 */
export async function patientVisits(stores: { sql: SqlStore; documents: DocumentStore }, patientId: number, clock: EpochMinuteClock): Promise<KioskVisits> {
  const { sql, documents } = stores;
  const settings = await loadClinicSettings(sql.models);
  const today = instantToWall(clock(), settings.timezone).date;
  const { Appointment } = sql.models;
  const [upcoming, completed] = await Promise.all([
    Appointment.findAll({
      where: { patientId, appointmentDate: { [Op.gte]: today }, status: ['Scheduled', 'Confirmed'] },
      order: [['appointmentDate', 'ASC'], ['appointmentTime', 'ASC']],
      limit: VISIT_LIMIT,
    }),
    Appointment.findAll({
      where: { patientId, appointmentDate: { [Op.gte]: addDays(today, -RECENT_DAYS), [Op.lte]: today }, status: 'Completed' },
      order: [['appointmentDate', 'DESC'], ['appointmentTime', 'DESC']],
      limit: VISIT_LIMIT,
    }),
  ]);
  const names = await doctorNames(sql, [...upcoming, ...completed].map((row) => row.doctorId));
  const given = completed.length
    ? await documents.patientFeedback.find({ patientId, appointmentId: { $in: completed.map((row) => row.id) } })
    : [];
  const withFeedback = new Set(given.map((feedback) => feedback.appointmentId));
  const visit = (row: Appointment): KioskVisit => {
    const doctor = names.get(row.doctorId);
    const checkedIn = row.checkedInAt != null;
    return {
      appointmentId: row.id,
      date: row.appointmentDate,
      time: row.appointmentTime.slice(0, 5),
      durationMinutes: row.durationMinutes,
      doctorName: doctor?.name ?? 'Your doctor',
      specialization: doctor?.specialization ?? '',
      status: row.status,
      appointmentType: row.appointmentType,
      checkedIn,
      canCheckIn: row.appointmentDate === today && !checkedIn && (row.status === 'Scheduled' || row.status === 'Confirmed'),
      feedbackGiven: withFeedback.has(row.id),
    };
  };
  return { patientId, today, upcoming: upcoming.map(visit), recentCompleted: completed.map(visit) };
}

/** The patient's active prescriptions, newest first; the clinical notes stay with the doctor. */
export async function patientPrescriptions(documents: DocumentStore, patientId: number): Promise<KioskPrescriptions> {
  const rows = await documents.prescriptions.find({ patientId, status: 'Active' }, { sort: { prescriptionDate: 'desc' }, limit: 50 });
  return {
    patientId,
    prescriptions: rows.map((row) => ({
      id: row.id,
      prescriptionDate: row.prescriptionDate.toISOString(),
      doctorName: row.doctorName ?? 'Your doctor',
      medications: row.medications.map(({ name, dosage, frequency, duration, instructions }) => ({ name, dosage, frequency, duration, instructions })),
      followUpRequired: Boolean(row.followUpRequired),
    })),
  };
}

/** Check-in at the kiosk: the patient's own appointment only, then the same arrival as the desk records. */
export async function checkInAtKiosk(sql: SqlStore, patientId: number, appointmentId: number, clock: EpochMinuteClock): Promise<AppointmentView> {
  const row = await sql.models.Appointment.findByPk(appointmentId, { attributes: ['id', 'patientId'] });
  if (!row || row.patientId !== patientId) throw new AppFailure('FORBIDDEN', 'This is not one of your appointments.');
  return recordArrival(sql, appointmentId, clock);
}
