import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import type { AppointmentView } from '../scheduling-types';
import type { SessionInfo } from '../types';
import type { KioskChannelName } from './channel-names';
import {
  DoctorFeedbackInput,
  FeedbackQueueInput,
  FindKioskPatientInput,
  KioskBirthDateSignInInput,
  KioskCheckInInput,
  KioskExitInput,
  KioskSignInInput,
  ModerateFeedbackInput,
  RatingSummariesInput,
  SetPatientKioskPasswordInput,
  SubmitFeedbackInput,
} from './schemas';
import type {
  DoctorFeedbackView,
  DoctorRatingSummary,
  FeedbackReceipt,
  KioskPasswordSet,
  KioskPatientMatch,
  KioskPrescriptions,
  KioskVisits,
  ModerationItem,
  MyFeedback,
} from './types';

/** The kiosk channels: input schema, output type, permission and audit spec of each. */
export const kioskContract = {
  // Staff switch the workstation into kiosk mode: their own session ends there.
  'kiosk.enter': channel<SessionInfo>()({ input: NoInput, permission: 'kiosk.manage', offline: 'anywhere' }),
  // Nobody on staff is signed in at a kiosk, so these two are open; main checks the password and the mode.
  'kiosk.exit': channel<SessionInfo>()({ input: KioskExitInput, permission: 'anyone', offline: 'anywhere' }),
  'kiosk.signIn': channel<SessionInfo>()({ input: KioskSignInInput, permission: 'anyone', offline: 'read' }),
  // Name + date of birth + phone digits: the patient it finds is on record as identified here.
  'kiosk.signInByBirthDate': channel<SessionInfo>()({
    input: KioskBirthDateSignInInput,
    permission: 'anyone',
    offline: 'read',
    audit: {
      action: 'kiosk_sign_in_by_birth_date',
      resourceType: 'patient',
      resourceId: (_input, output) => output?.user?.id ?? null,
      patientId: (_input, output) => output?.user?.id ?? null,
    },
  }),
  'kiosk.findPatient': channel<KioskPatientMatch>()({
    input: FindKioskPatientInput,
    permission: 'kiosk.manage',
    offline: 'read',
    audit: { action: 'find_patient_for_kiosk', resourceType: 'patient' },
  }),
  'kiosk.setPatientPassword': channel<KioskPasswordSet>()({
    input: SetPatientKioskPasswordInput,
    permission: 'kiosk.manage',
    offline: 'server',
    audit: { action: 'set_patient_kiosk_password', resourceType: 'patient', resourceId: (input) => input.patientId },
  }),
  'kiosk.myVisits': channel<KioskVisits>()({
    input: NoInput,
    permission: 'kiosk.patient',
    offline: 'read',
    audit: {
      action: 'view_own_appointments',
      resourceType: 'appointment',
      resourceId: () => null,
      patientId: (_input, output) => output?.patientId ?? null,
    },
  }),
  'kiosk.myPrescriptions': channel<KioskPrescriptions>()({
    input: NoInput,
    permission: 'kiosk.patient',
    offline: 'read',
    audit: {
      action: 'view_own_prescriptions',
      resourceType: 'prescription',
      resourceId: () => null,
      patientId: (_input, output) => output?.patientId ?? null,
    },
  }),
  'kiosk.checkIn': channel<AppointmentView>()({
    input: KioskCheckInInput,
    permission: 'kiosk.patient',
    offline: { policy: 'queue', label: 'Kiosk check-in' },
    audit: { action: 'kiosk_check_in', resourceType: 'appointment', resourceId: (input) => input.appointmentId },
  }),
  'kiosk.submitFeedback': channel<FeedbackReceipt>()({
    input: SubmitFeedbackInput,
    permission: 'kiosk.patient',
    offline: 'server',
    audit: { action: 'submit_feedback', resourceType: 'feedback' },
  }),
  'feedback.queue': channel<ModerationItem[]>()({
    input: FeedbackQueueInput,
    permission: 'feedback.moderate',
    offline: 'server',
    audit: { action: 'view_feedback_queue', resourceType: 'feedback', resourceId: () => null, patientId: () => null },
  }),
  'feedback.moderate': channel<ModerationItem>()({
    input: ModerateFeedbackInput,
    permission: 'feedback.moderate',
    offline: 'server',
    audit: { action: 'moderate_feedback', resourceType: 'feedback', resourceId: (input) => input.feedbackId },
  }),
  // Averages and counts only: no patient information.
  'feedback.ratingSummaries': channel<DoctorRatingSummary[]>()({
    input: RatingSummariesInput,
    permission: 'reports.read',
    offline: 'server',
  }),
  'feedback.doctorFeedback': channel<DoctorFeedbackView[]>()({
    input: DoctorFeedbackInput,
    permission: 'reports.read',
    offline: 'server',
    audit: {
      action: 'view_doctor_feedback',
      resourceType: 'feedback',
      resourceId: (input) => input.doctorId,
      patientId: () => null,
    },
  }),
  'feedback.mine': channel<MyFeedback>()({
    input: NoInput,
    permission: 'clinical.own',
    offline: 'server',
    audit: { action: 'view_own_feedback', resourceType: 'feedback', resourceId: () => null, patientId: () => null },
  }),
} as const satisfies Record<KioskChannelName, ChannelSpec>;
