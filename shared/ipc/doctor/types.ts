import type { AllergyRecord } from '../../domain/allergies/allergy-list';
import type { MedicationIngredientList } from '../../domain/allergies/medication-ingredients';
import type { Medication, Pharmacy, PrescriptionStatus } from '../../documents/prescriptions';
import type { AppointmentStatus } from '../../domain/scheduling/lifecycle';
import type { AppointmentType } from '../scheduling-types';

/** One appointment on the doctor's own day or week. */
export interface DoctorAppointmentRow {
  appointmentId: number;
  patientId: number;
  patientName: string;
  date: string;
  time: string;
  durationMinutes: number;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
  reason: string | null;
  checkedIn: boolean;
}

export interface DoctorWeekDay {
  date: string;
  appointments: DoctorAppointmentRow[];
}

export interface DoctorDayView {
  doctorName: string;
  date: string;
  /** The clinic's "today" (its time zone), so the screen can mark it. */
  today: string;
  appointments: DoctorAppointmentRow[];
  /** Monday to Sunday of the week that holds `date`. */
  week: DoctorWeekDay[];
  /** The first live appointment that has not ended yet, from now on. */
  nextPatient: DoctorAppointmentRow | null;
}

export interface PatientDetails {
  id: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ageYears: number;
  gender: string;
  phone: string;
  email: string;
  address: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  allergies: AllergyRecord;
}

export interface PastVisit {
  appointmentId: number;
  date: string;
  time: string;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
  reason: string | null;
  doctorName: string;
  /** With the signed-in doctor (others' visits show the colleague's name). */
  own: boolean;
}

/** Whether the digitalSignature of a prescription holds for its current content. */
export type SignatureCheck =
  | { state: 'unsigned' }
  | { state: 'valid'; keyId: string; signedAt: string | null }
  | { state: 'invalid'; keyId: string | null; reason: string };

export interface PrescriptionView {
  id: string;
  appointmentId: number;
  patientId: number;
  doctorId: number;
  /** The names the people have now. */
  patientName: string;
  doctorName: string;
  /** A signed prescription of someone renamed since: the names its signature covers. */
  namesAsSigned: { patientName: string; doctorName: string } | null;
  prescriptionDate: string;
  medications: Medication[];
  diagnosis: string | null;
  clinicalNotes: string | null;
  followUpRequired: boolean;
  followUpDays: number | null;
  pharmacy: Pharmacy | null;
  status: PrescriptionStatus;
  version: number;
  previousVersionId: string | null;
  supersededById: string | null;
  signature: SignatureCheck;
  /** Allergy warnings the doctor saw and signed through. */
  allergyAcknowledgements: { medication: string; substance: string; acknowledgedAt: string }[];
  createdAt: string;
  updatedAt: string;
}

/** Feedback about this doctor; an anonymous one never carries who wrote it. */
export interface FeedbackView {
  id: string;
  appointmentId: number;
  feedbackDate: string;
  overall: number;
  textReview: string | null;
  tags: string[];
  wouldReturnToDoctor: boolean | null;
  anonymous: boolean;
  /** null when anonymous. */
  patientName: string | null;
}

export interface DoctorAppointmentPage {
  appointment: DoctorAppointmentRow;
  patient: PatientDetails;
  pastVisits: PastVisit[];
  prescriptions: PrescriptionView[];
  feedback: FeedbackView[];
  /** The clinic's ingredient list, so the editor warns as it is typed exactly as signing will check. */
  medicationIngredients: MedicationIngredientList;
  /** What the lifecycle allows the doctor to record now. */
  canComplete: boolean;
  canMarkNoShow: boolean;
}

export interface SigningKeyStatus {
  /** The key this workstation signs with for the doctor, or null before the first signature. */
  keyId: string | null;
  /** How the private half is sealed here; 'none' before the first signature. */
  protection: 'safe-storage' | 'password' | 'none';
  /** True when signing will ask for the doctor's password. */
  needsPassword: boolean;
}

export interface PrescriptionPdf {
  fileName: string;
  /** The PDF bytes, base64 (IPC and the bridge both carry JSON). */
  base64: string;
  pages: number;
}

export interface FollowUpSlots {
  /** The date the prescription asks for: visit date + followUpDays. */
  targetDate: string;
  slots: { date: string; time: string; durationMinutes: number }[];
}

export interface DoctorAccountView {
  doctorId: number;
  /** What the doctor types at the sign-in screen (their email). */
  signInName: string;
  canSignIn: boolean;
}
