import type { FeedbackRatings, ModerationStatus } from '../../documents/patient-feedback';
import type { RatingAggregate, RatingName } from '../../documents/feedback-summary';
import type { AppointmentStatus } from '../../domain/scheduling/lifecycle';
import type { AppointmentType } from '../scheduling-types';

/** A patient found by the desk to set their kiosk password; nothing clinical. */
export interface KioskPatientMatch {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
  isActive: boolean;
}

export interface KioskPasswordSet {
  patientId: number;
}

/** One of the signed-in patient's own visits, as the kiosk shows it. */
export interface KioskVisit {
  appointmentId: number;
  date: string;
  time: string;
  durationMinutes: number;
  doctorName: string;
  specialization: string;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
  checkedIn: boolean;
  /** Today, not yet checked in, Scheduled or Confirmed. */
  canCheckIn: boolean;
  /** Completed visits only: whether feedback has been left already. */
  feedbackGiven: boolean;
}

export interface KioskVisits {
  patientId: number;
  /** The clinic's date today (YYYY-MM-DD). */
  today: string;
  /** Today's and later live visits, soonest first. */
  upcoming: KioskVisit[];
  /** Completed visits of the last 90 days, newest first: where feedback can be left. */
  recentCompleted: KioskVisit[];
}

export interface KioskMedication {
  name: string;
  dosage: string;
  frequency: string;
  duration?: string;
  instructions?: string;
}

export interface KioskPrescription {
  id: string;
  prescriptionDate: string;
  doctorName: string;
  medications: KioskMedication[];
  followUpRequired: boolean;
}

export interface KioskPrescriptions {
  patientId: number;
  prescriptions: KioskPrescription[];
}

export interface FeedbackReceipt {
  id: string;
  appointmentId: number;
  patientId: number;
  moderationStatus: ModerationStatus;
  verified: boolean;
}

/** The feedback text and ratings, as every audience sees them. */
interface FeedbackBody {
  id: string;
  appointmentId: number;
  doctorId: number;
  ratings: FeedbackRatings;
  textReview: string | null;
  recommendToFriend: boolean | null;
  wouldReturnToDoctor: boolean | null;
  tags: string[];
  improvement_suggestions: string[];
  feedbackDate: string;
  verified: boolean;
  anonymous: boolean;
}

/** For moderators (admins): who wrote it is shown to them, marked when it is anonymous to doctors. */
export interface ModerationItem extends FeedbackBody {
  patientId: number;
  patientName: string;
  doctorName: string;
  moderationStatus: ModerationStatus;
  moderatedBy: number | null;
  moderatedByName: string | null;
  moderatedAt: string | null;
}

/**
 * Feedback as a doctor (or a doctor's page) sees it: approved only, and for anonymous feedback
 * no trace of the patient (no id, no name): `patient` is null then.
 */
export interface DoctorFeedbackView extends FeedbackBody {
  patient: { id: number; name: string } | null;
}

export interface DoctorRatingSummary {
  doctorId: number;
  doctorName: string;
  specialization: string;
  feedbackCount: number;
  ratings: Record<RatingName, RatingAggregate>;
}

export interface MyFeedback {
  summary: DoctorRatingSummary;
  feedback: DoctorFeedbackView[];
}
