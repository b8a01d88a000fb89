import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import type { AffectedAppointment, DoctorScheduleView, ScheduleChangeResult } from '../admin/availability';
import type { AppointmentView } from '../scheduling-types';
import type { DoctorChannelName } from './channel-names';
import {
  DoctorAppointmentInput,
  FollowUpBookInput,
  FollowUpSlotsInput,
  MyDayInput,
  OwnAddBlockInput,
  OwnPreviewBlockInput,
  OwnPreviewWeeklyInput,
  OwnRemoveBlockInput,
  OwnSaveWeeklyInput,
  PrescriptionIdInput,
  SavePrescriptionInput,
  SetDoctorPasswordInput,
  SignPrescriptionInput,
  VisitOutcomeInput,
} from './schemas';
import type {
  DoctorAccountView,
  DoctorAppointmentPage,
  DoctorDayView,
  FollowUpSlots,
  PrescriptionPdf,
  PrescriptionView,
  SigningKeyStatus,
} from './types';

const prescriptionAudit = (action: string) =>
  ({
    action,
    resourceType: 'prescription',
    resourceId: (input: { prescriptionId?: string }, output: PrescriptionView | undefined) =>
      output?.id ?? input.prescriptionId ?? null,
    patientId: (_input: unknown, output: { patientId: number } | undefined) => output?.patientId ?? null,
  }) as const;

const ownSchedule = (action: string) =>
  ({ action, resourceType: 'appointment', resourceId: () => null, patientId: () => null }) as const;

/**
 * The doctor channels: input schema, output type, permission and audit spec of each. Every
 * clinical channel needs `clinical.own` (doctors only); the services then admit only the signed-in
 * doctor's own appointments and patients (FORBIDDEN otherwise, recorded as a denied attempt).
 */
export const doctorContract = {
  'doctor.myDay': channel<DoctorDayView>()({
    input: MyDayInput,
    permission: 'clinical.own',
    offline: 'read',
    audit: { action: 'view_own_schedule', resourceType: 'appointment', resourceId: () => null, patientId: () => null },
  }),
  'doctor.appointment': channel<DoctorAppointmentPage>()({
    input: DoctorAppointmentInput,
    permission: 'clinical.own',
    offline: 'read',
    audit: {
      action: 'view_patient_record',
      resourceType: 'patient',
      resourceId: (input, output) => output?.patient.id ?? input.appointmentId,
      patientId: (_input, output) => output?.patient.id ?? null,
    },
  }),
  'doctor.setVisitOutcome': channel<AppointmentView>()({
    input: VisitOutcomeInput,
    permission: 'clinical.own',
    offline: { policy: 'queue', label: 'Visit outcome' },
    audit: { action: 'record_visit_outcome', resourceType: 'appointment' },
  }),
  'doctor.signingKey': channel<SigningKeyStatus>()({ input: NoInput, permission: 'clinical.own', offline: 'server' }),
  'doctor.prescription.get': channel<PrescriptionView>()({
    input: PrescriptionIdInput,
    permission: 'clinical.own',
    offline: 'read',
    audit: prescriptionAudit('view_prescription'),
  }),
  'doctor.prescription.save': channel<PrescriptionView>()({
    input: SavePrescriptionInput,
    permission: 'clinical.own',
    offline: { policy: 'queue', label: 'Prescription', outputRecord: 'prescription', unkeyedOnline: true },
    audit: prescriptionAudit('save_prescription'),
  }),
  'doctor.prescription.sign': channel<PrescriptionView>()({
    input: SignPrescriptionInput,
    permission: 'clinical.own',
    offline: 'server',
    audit: prescriptionAudit('sign_prescription'),
  }),
  'doctor.prescription.pdf': channel<PrescriptionPdf>()({
    input: PrescriptionIdInput,
    permission: 'clinical.own',
    offline: 'read',
    audit: {
      action: 'export_prescription_pdf',
      resourceType: 'prescription',
      resourceId: (input) => input.prescriptionId,
    },
  }),
  'doctor.followUp.slots': channel<FollowUpSlots>()({
    input: FollowUpSlotsInput,
    permission: 'clinical.own',
    offline: 'read',
    audit: {
      action: 'view_follow_up_slots',
      resourceType: 'prescription',
      resourceId: (input) => input.prescriptionId,
    },
  }),
  'doctor.followUp.book': channel<AppointmentView>()({
    input: FollowUpBookInput,
    permission: 'clinical.own',
    offline: { policy: 'queue', label: 'Follow-up booking', resolutions: ['another-slot', 'keep-theirs'] },
    audit: { action: 'book_follow_up', resourceType: 'appointment' },
  }),
  // A super admin gives a doctor their first (or a new) sign-in password, like a staff reset.
  'doctor.account.setPassword': channel<DoctorAccountView>()({
    input: SetDoctorPasswordInput,
    permission: 'staff.manage',
    offline: 'server',
    audit: {
      action: 'set_doctor_password',
      resourceType: 'staff',
      resourceId: (input) => input.doctorId,
      patientId: () => null,
    },
  }),

  // The doctor's own hours and days off, through the admin's availability service. Previews and
  // changes list the patients of affected visits: on record, like the admin's channels.
  'doctor.schedule.get': channel<DoctorScheduleView>()({ input: NoInput, permission: 'schedule.own', offline: 'read' }),
  'doctor.schedule.previewWeekly': channel<AffectedAppointment[]>()({
    input: OwnPreviewWeeklyInput,
    permission: 'schedule.own',
    offline: 'read',
    audit: ownSchedule('preview_own_hours_change'),
  }),
  'doctor.schedule.saveWeekly': channel<ScheduleChangeResult>()({
    input: OwnSaveWeeklyInput,
    permission: 'schedule.own',
    offline: { policy: 'queue', label: 'Weekly hours', resolutions: ['keep-mine', 'keep-theirs'] },
    audit: ownSchedule('change_own_hours'),
  }),
  'doctor.schedule.previewBlock': channel<AffectedAppointment[]>()({
    input: OwnPreviewBlockInput,
    permission: 'schedule.own',
    offline: 'read',
    audit: ownSchedule('preview_own_unavailable_date'),
  }),
  'doctor.schedule.addBlock': channel<ScheduleChangeResult>()({
    input: OwnAddBlockInput,
    permission: 'schedule.own',
    offline: { policy: 'queue', label: 'Day off' },
    audit: ownSchedule('add_own_unavailable_date'),
  }),
  'doctor.schedule.removeBlock': channel<DoctorScheduleView>()({
    input: OwnRemoveBlockInput,
    permission: 'schedule.own',
    offline: { policy: 'queue', label: 'Removal of a day off' },
  }),
} as const satisfies Record<DoctorChannelName, ChannelSpec>;
