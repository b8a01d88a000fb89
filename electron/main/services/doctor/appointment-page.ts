import type { PatientFeedback } from '../../../../shared/documents';
import type { DoctorAppointmentPage, FeedbackView, PastVisit, PatientDetails } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { Patient } from '../../data/sql/models';
import { doctorDayRepository } from '../../data/sql/repositories/doctor-day-repository';
import type { OpenStores } from '../../runtime/stores';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { instantToWall } from '../../../../shared/domain/scheduling';
import { outcomesAllowed } from './my-day';
import { doctorIdOf, ownAppointment } from './own-records';
import { viewOf } from './prescriptions';
import { allergyRecordOf } from '../../../../shared/domain/allergies/allergy-list';

const HISTORY_LIMIT = 50;
const FEEDBACK_LIMIT = 20;

function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function patientDetails(p: Patient, today: string): PatientDetails {
  const dateOfBirth = String(p.dateOfBirth).slice(0, 10);
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth,
    ageYears: ageOn(dateOfBirth, today),
    gender: p.gender,
    phone: p.phone,
    email: p.email,
    address: p.address ?? null,
    emergencyContactName: p.emergencyContactName ?? null,
    emergencyContactPhone: p.emergencyContactPhone ?? null,
    allergies: allergyRecordOf(p.allergies),
  };
}

/**
 * Feedback about this doctor (from all patients: the page of one patient must not single out
 * their anonymous entries). Only Approved feedback is shown (the seed's moderation workflow); an
 * anonymous entry never carries the patient's identity: not the name, and not the appointment
 * either, which would name the patient just as well.
 */
export function feedbackView(entry: PatientFeedback, patientName: string | null): FeedbackView {
  return {
    id: entry.id,
    appointmentId: entry.anonymous ? 0 : entry.appointmentId,
    feedbackDate: entry.feedbackDate.toISOString(),
    overall: entry.ratings.overall,
    textReview: entry.textReview ?? null,
    tags: entry.tags,
    wouldReturnToDoctor: entry.wouldReturnToDoctor ?? null,
    anonymous: entry.anonymous,
    patientName: entry.anonymous ? null : patientName,
  };
}

async function pastVisits(stores: OpenStores, doctorId: number, patientId: number, beforeAppointmentId: number, today: string): Promise<PastVisit[]> {
  const visits = await doctorDayRepository(stores.sql).earlierVisitsOfPatient(patientId, beforeAppointmentId, today, HISTORY_LIMIT);
  return visits.map(({ doctorId: visitDoctorId, ...visit }) => ({ ...visit, own: visitDoctorId === doctorId }));
}

/** One appointment of the doctor's own, with the patient's details and history. */
export async function appointmentPage(stores: OpenStores, user: SessionUser, appointmentId: number, clock: EpochMinuteClock): Promise<DoctorAppointmentPage> {
  const doctorId = doctorIdOf(user);
  const appointment = await ownAppointment(stores.sql, doctorId, appointmentId);
  const settings = await loadClinicSettings(stores.sql.models);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const row = await doctorDayRepository(stores.sql).appointment(appointment.id);
  const patient = await stores.sql.models.Patient.findByPk(appointment.patientId);
  if (!row || !patient) throw new AppFailure('NOT_FOUND', 'That appointment or its patient no longer exists.');
  const { prescriptions, patientFeedback } = stores.documents;
  const [visits, prescriptionDocs, feedbackDocs] = await Promise.all([
    pastVisits(stores, doctorId, patient.id, appointment.id, today),
    prescriptions.find({ patientId: patient.id }, { sort: { prescriptionDate: 'desc' }, limit: HISTORY_LIMIT }),
    patientFeedback.find({ doctorId, moderationStatus: 'Approved' }, { sort: { feedbackDate: 'desc' }, limit: FEEDBACK_LIMIT }),
  ]);
  const namedIds = [...new Set(feedbackDocs.filter((entry) => !entry.anonymous).map((entry) => entry.patientId))];
  const names = new Map<number, string>();
  if (namedIds.length > 0) {
    const rows = await stores.sql.models.Patient.findAll({ where: { id: namedIds }, attributes: ['id', 'firstName', 'lastName'] });
    for (const p of rows) names.set(p.id, `${p.firstName} ${p.lastName}`);
  }
  return {
    appointment: row,
    patient: patientDetails(patient, today),
    pastVisits: visits,
    prescriptions: await Promise.all(prescriptionDocs.map((doc) => viewOf(stores, doc))),
    feedback: feedbackDocs.map((entry) => feedbackView(entry, entry.anonymous ? null : (names.get(entry.patientId) ?? null))),
    medicationIngredients: settings.medicationIngredients,
    ...outcomesAllowed(row, settings.timezone, now),
  };
}
