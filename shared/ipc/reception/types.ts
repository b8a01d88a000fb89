import type { AppointmentStatus } from '../../domain/scheduling/lifecycle';
import type { AppointmentType, AppointmentView, SlotView } from '../scheduling-types';
import type { AllergyRecord } from '../../domain/allergies/allergy-list';
import type { PatientGender } from './patient-schemas';

/** One typeahead hit: enough to tell two patients apart at the desk. */
export interface PatientSummary {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  isActive: boolean;
}

/** One answer of the patient search: the patients listed, and how many the words find in all. */
export interface PatientSearchPage {
  patients: PatientSummary[];
  /** Every patient the words find, counted up to `PATIENT_SEARCH_COUNT_CAP`. */
  total: number;
  /** The count stopped at the cap: there are at least `total`. */
  totalIsAtLeast: boolean;
}

/** Past this many, a search says "1000+" rather than count every patient a letter finds. */
export const PATIENT_SEARCH_COUNT_CAP = 1000;

export interface PatientDetails extends PatientSummary {
  gender: PatientGender;
  address: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  allergies: AllergyRecord;
  createdAt: string;
  updatedAt: string;
}

export interface PatientAppointment {
  id: number;
  doctorId: number;
  doctorName: string;
  specialization: string;
  date: string;
  time: string;
  durationMinutes: number;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
}

/** The patient page: details, and appointments split by the clinic's date (today and upcoming soonest first, past newest first). */
export interface PatientRecord {
  patient: PatientDetails;
  today: PatientAppointment[];
  upcoming: PatientAppointment[];
  past: PatientAppointment[];
}

/** Why an existing patient looks like the one being saved. */
export type DuplicateReason = 'same_name_and_birth_date' | 'same_phone';

export interface DuplicateCandidate extends PatientSummary {
  reasons: DuplicateReason[];
}

/** details of a POSSIBLE_DUPLICATE refusal. */
export interface PossibleDuplicateDetails {
  duplicates: DuplicateCandidate[];
}

export type QueueStatus = 'Waiting' | 'Booked' | 'Removed';

export interface WalkInEntryView {
  id: number;
  patientId: number;
  patientName: string;
  doctorId: number | null;
  doctorName: string | null;
  specialization: string | null;
  durationMinutes: number;
  appointmentType: AppointmentType;
  notes: string | null;
  arrivedAt: string;
  status: QueueStatus;
  appointmentId: number | null;
}

/** A waiting walk-in with the slot it would probably get and the wait estimate. */
export interface WalkInQueueRow extends WalkInEntryView {
  waitedMinutes: number;
  /** Minutes from now until the expected start, doctors' running delay included; null when no slot today. */
  estimatedWaitMinutes: number | null;
  expectedSlot: SlotView | null;
  /** The expected doctor's running delay in minutes (0 when on time). */
  runningDelayMinutes: number;
}

export interface WalkInQueue {
  now: string;
  rows: WalkInQueueRow[];
  /** Running delay per doctor with live appointments today (doctorId → minutes). */
  delays: { doctorId: number; doctorName: string; minutes: number }[];
}

export interface WalkInBooking {
  entry: WalkInEntryView;
  appointment: AppointmentView;
}

export interface WaitingEntryView {
  id: number;
  patientId: number;
  patientName: string;
  patientPhone: string;
  doctorId: number | null;
  doctorName: string | null;
  specialization: string | null;
  fromDate: string;
  toDate: string;
  earliestTime: string;
  latestTime: string;
  durationMinutes: number;
  appointmentType: AppointmentType;
  priority: number;
  notes: string | null;
  status: QueueStatus;
  appointmentId: number | null;
  createdAt: string;
}

export interface WaitingEntryWithSlots extends WaitingEntryView {
  /** The soonest free slots that fit the entry now (empty when not asked or none). */
  slots: SlotView[];
}

/** One waiting patient offered an opened slot; the slot they would book (their own length). */
export interface WaitingListOffer {
  rank: number;
  entry: WaitingEntryView;
  slot: SlotView;
}

export interface WaitingListBooking {
  entry: WaitingEntryView;
  appointment: AppointmentView;
}
