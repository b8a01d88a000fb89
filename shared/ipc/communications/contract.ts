import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import type { CommunicationChannelName } from './channel-names';
import {
  FindPatientsInput,
  PatientHistoryInput,
  RecordConfirmationInput,
  SaveCommunicationSettingsInput,
  SaveTemplatesInput,
  SearchLogInput,
  SendTestMessageInput,
  SetEmailOptOutInput,
} from './schemas';
import type {
  CommunicationLogPage,
  CommunicationSettingsView,
  ConfirmationResult,
  MessageRunSummary,
  PatientCommunicationsView,
  PatientMatch,
  TemplatesView,
  TestMessageResult,
} from './types';

/** The communications channels: input schema, output type, permission and audit spec of each. */
export const communicationContract = {
  'communications.settings.get': channel<CommunicationSettingsView>()({
    input: NoInput,
    permission: 'clinic.configure',
    offline: 'read',
  }),
  'communications.settings.save': channel<CommunicationSettingsView>()({
    input: SaveCommunicationSettingsInput,
    permission: 'clinic.configure',
    offline: 'server',
  }),
  'communications.settings.sendTest': channel<TestMessageResult>()({
    input: SendTestMessageInput,
    permission: 'clinic.configure',
    offline: 'server',
  }),
  'communications.templates.get': channel<TemplatesView>()({
    input: NoInput,
    permission: 'clinic.configure',
    offline: 'read',
  }),
  'communications.templates.save': channel<TemplatesView>()({
    input: SaveTemplatesInput,
    permission: 'clinic.configure',
    offline: 'server',
  }),
  // Sends messages built from patients' records: recorded like any other use of them.
  'communications.job.runNow': channel<MessageRunSummary>()({
    input: NoInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: {
      action: 'send_due_messages',
      resourceType: 'communication',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'communications.log.search': channel<CommunicationLogPage>()({
    input: SearchLogInput,
    permission: 'communications.read',
    offline: 'server',
    audit: {
      action: 'view_communication_log',
      resourceType: 'communication',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'communications.patient.history': channel<PatientCommunicationsView>()({
    input: PatientHistoryInput,
    permission: 'communications.read',
    offline: 'server',
    audit: {
      action: 'view_patient_communications',
      resourceType: 'patient',
      resourceId: (input) => input.patientId,
      patientId: (input) => input.patientId,
    },
  }),
  'communications.patient.find': channel<PatientMatch[]>()({
    input: FindPatientsInput,
    permission: 'communications.read',
    offline: 'read',
    audit: { action: 'search_patients', resourceType: 'patient', resourceId: () => null, patientId: () => null },
  }),
  'communications.patient.setEmailOptOut': channel<PatientCommunicationsView>()({
    input: SetEmailOptOutInput,
    permission: 'patients.write',
    offline: 'server',
    audit: {
      action: 'change_email_preference',
      resourceType: 'patient',
      resourceId: (input) => input.patientId,
      patientId: (input) => input.patientId,
    },
  }),
  'communications.appointment.recordConfirmation': channel<ConfirmationResult>()({
    input: RecordConfirmationInput,
    permission: 'appointments.write',
    offline: { policy: 'queue', label: 'Confirmation' },
    audit: {
      action: 'record_patient_confirmation',
      resourceType: 'appointment',
      resourceId: (input) => input.appointmentId,
    },
  }),
} as const satisfies Record<CommunicationChannelName, ChannelSpec>;
