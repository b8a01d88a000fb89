import { channel, type ChannelSpec } from '../channel-spec';
import type { ReceptionChannelName } from './channel-names';
import {
  PatientGetInput,
  PatientSearchInput,
  RegisterPatientInput,
  SetPatientActiveInput,
  SetPatientAllergiesInput,
  UpdatePatientInput,
} from './patient-schemas';
import {
  WaitingListAddInput,
  WaitingListBookInput,
  WaitingListListInput,
  WaitingListOffersInput,
  WaitingListRemoveInput,
  WalkInBookInput,
  WalkInJoinInput,
  WalkInListInput,
  WalkInRemoveInput,
} from './queue-schemas';
import type {
  PatientDetails,
  PatientRecord,
  PatientSearchPage,
  WaitingEntryView,
  WaitingEntryWithSlots,
  WaitingListBooking,
  WaitingListOffer,
  WalkInBooking,
  WalkInEntryView,
  WalkInQueue,
} from './types';

/** The reception channels: input schema, output type, permission and audit spec of each. */
export const receptionContract = {
  'patients.search': channel<PatientSearchPage>()({
    input: PatientSearchInput,
    permission: 'patients.read',
    offline: 'read',
    // A search shows several patients: on record as one search (the patients listed are not named).
    audit: { action: 'search_patients', resourceType: 'patient', resourceId: () => null, patientId: () => null },
  }),
  'patients.get': channel<PatientRecord>()({
    input: PatientGetInput,
    permission: 'patients.read',
    offline: 'read',
    audit: {
      action: 'view_patient_record',
      resourceType: 'patient',
      resourceId: (input) => input.patientId,
      patientId: (input) => input.patientId,
    },
  }),
  'patients.register': channel<PatientDetails>()({
    input: RegisterPatientInput,
    permission: 'patients.write',
    offline: {
      policy: 'queue',
      label: 'New patient',
      outputRecord: 'patient',
      patientId: (_input, output) => output.id,
    },
    audit: {
      action: 'register_patient',
      resourceType: 'patient',
      resourceId: (_input, output) => output?.id ?? null,
      patientId: (_input, output) => output?.id ?? null,
    },
  }),
  'patients.update': channel<PatientDetails>()({
    input: UpdatePatientInput,
    permission: 'patients.write',
    offline: {
      policy: 'queue',
      label: 'Change of patient details',
      resolutions: ['keep-mine', 'keep-theirs'],
      outputRecord: 'patient',
    },
    audit: {
      action: 'update_patient',
      resourceType: 'patient',
      resourceId: (input) => input.patientId,
      patientId: (input) => input.patientId,
    },
  }),
  'patients.allergies.set': channel<PatientDetails>()({
    input: SetPatientAllergiesInput,
    permission: 'allergies.write',
    // Queued offline like other patient changes: a doctor told of an allergy during an outage
    // records it at once (the mirror's warning holds it), and the server gets it on replay. A
    // record changed meanwhile by someone else is a CONFLICT (see `basedOn`), settled in the
    // conflicts list: keep theirs, or keep mine over whatever the server has now.
    offline: {
      policy: 'queue',
      label: 'Change of allergies',
      resolutions: ['keep-mine', 'keep-theirs'],
      outputRecord: 'patient',
      detail: (input) =>
        input.allergies.noneKnown ? 'none known' : input.allergies.entries.map((entry) => entry.substance).join(', ') || 'no allergies listed',
      keepMine: { restate: (input) => ({ ...input, basedOn: undefined }) },
    },
    audit: {
      action: 'record_allergies',
      resourceType: 'patient',
      resourceId: (input) => input.patientId,
      patientId: (input) => input.patientId,
    },
  }),
  'patients.setActive': channel<PatientDetails>()({
    input: SetPatientActiveInput,
    permission: 'patients.write',
    offline: 'server',
    audit: {
      action: 'change_patient_status',
      resourceType: 'patient',
      resourceId: (input) => input.patientId,
      patientId: (input) => input.patientId,
    },
  }),
  'walkIns.join': channel<WalkInEntryView>()({
    input: WalkInJoinInput,
    permission: 'patients.write',
    offline: { policy: 'queue', label: 'Walk-in joins the queue' },
    audit: {
      action: 'join_walk_in_queue',
      resourceType: 'patient',
      resourceId: (_input, output) => output?.id ?? null,
      patientId: (input) => input.patientId,
    },
  }),
  'walkIns.list': channel<WalkInQueue>()({
    input: WalkInListInput,
    permission: 'patients.read',
    offline: 'read',
    audit: { action: 'view_walk_in_queue', resourceType: 'patient', resourceId: () => null, patientId: () => null },
  }),
  'walkIns.remove': channel<WalkInEntryView>()({
    input: WalkInRemoveInput,
    permission: 'patients.write',
    offline: { policy: 'queue', label: 'Walk-in leaves the queue' },
    audit: {
      action: 'remove_from_walk_in_queue',
      resourceType: 'patient',
      resourceId: (input) => input.entryId,
      patientId: (_input, output) => output?.patientId ?? null,
    },
  }),
  'walkIns.book': channel<WalkInBooking>()({
    input: WalkInBookInput,
    permission: 'patients.write',
    offline: { policy: 'queue', label: 'Walk-in booking', resolutions: ['another-slot', 'keep-theirs'] },
    audit: {
      action: 'book_walk_in',
      resourceType: 'appointment',
      resourceId: (_input, output) => output?.appointment.id ?? null,
      patientId: (_input, output) => output?.entry.patientId ?? null,
    },
  }),
  'waitingList.add': channel<WaitingEntryView>()({
    input: WaitingListAddInput,
    permission: 'patients.write',
    offline: { policy: 'queue', label: 'Waiting-list entry' },
    audit: {
      action: 'add_to_waiting_list',
      resourceType: 'patient',
      resourceId: (_input, output) => output?.id ?? null,
      patientId: (input) => input.patientId,
    },
  }),
  'waitingList.list': channel<WaitingEntryWithSlots[]>()({
    input: WaitingListListInput,
    permission: 'patients.read',
    offline: 'read',
    audit: { action: 'view_waiting_list', resourceType: 'patient', resourceId: () => null, patientId: () => null },
  }),
  'waitingList.remove': channel<WaitingEntryView>()({
    input: WaitingListRemoveInput,
    permission: 'patients.write',
    offline: { policy: 'queue', label: 'Waiting-list removal' },
    audit: {
      action: 'remove_from_waiting_list',
      resourceType: 'patient',
      resourceId: (input) => input.entryId,
      patientId: (_input, output) => output?.patientId ?? null,
    },
  }),
  'waitingList.offers': channel<WaitingListOffer[]>()({
    input: WaitingListOffersInput,
    permission: 'patients.read',
    offline: 'read',
    audit: {
      action: 'view_waiting_list_offers',
      resourceType: 'patient',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'waitingList.book': channel<WaitingListBooking>()({
    input: WaitingListBookInput,
    permission: 'patients.write',
    offline: { policy: 'queue', label: 'Booking from the waiting list', resolutions: ['another-slot', 'keep-theirs'] },
    audit: {
      action: 'book_from_waiting_list',
      resourceType: 'appointment',
      resourceId: (_input, output) => output?.appointment.id ?? null,
      patientId: (_input, output) => output?.entry.patientId ?? null,
    },
  }),
} as const satisfies Record<ReceptionChannelName, ChannelSpec>;
