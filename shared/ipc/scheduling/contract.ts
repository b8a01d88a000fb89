import { channel, type ChannelSpec } from '../channel-spec';
import {
  BookAppointmentInput,
  CalendarDayInput,
  CancelAppointmentInput,
  FreeSlotsInput,
  RecordArrivalInput,
  RecordVisitStepInput,
  RescheduleAppointmentInput,
  SeriesBookInput,
  SeriesCancelInput,
  SeriesPreviewInput,
  SetAppointmentStatusInput,
  SoonestSlotsInput,
} from '../scheduling-schemas';
import type {
  AppointmentView,
  CalendarDay,
  SeriesCancellation,
  SeriesPreview,
  SeriesView,
  SlotView,
} from '../scheduling-types';
import type { SchedulingChannelName } from './channel-names';

/** The scheduling channels: input schema, output type, permission, audit and offline spec of each. */
export const schedulingContract = {
  'slots.free': channel<SlotView[]>()({ input: FreeSlotsInput, permission: 'appointments.read', offline: 'read' }),
  'slots.soonest': channel<SlotView[]>()({
    input: SoonestSlotsInput,
    permission: 'appointments.read',
    offline: 'read',
  }),
  'appointments.book': channel<AppointmentView>()({
    input: BookAppointmentInput,
    permission: 'appointments.write',
    offline: {
      policy: 'queue',
      label: 'Booking',
      resolutions: ['another-slot', 'keep-theirs'],
      outputRecord: 'appointment',
    },
    audit: { action: 'book_appointment', resourceType: 'appointment' },
  }),
  'appointments.reschedule': channel<AppointmentView>()({
    input: RescheduleAppointmentInput,
    permission: 'appointments.write',
    offline: {
      policy: 'queue',
      label: 'Move of an appointment',
      resolutions: ['another-slot', 'keep-theirs'],
      outputRecord: 'appointment',
    },
    audit: { action: 'reschedule_appointment', resourceType: 'appointment' },
  }),
  'appointments.cancel': channel<AppointmentView>()({
    input: CancelAppointmentInput,
    permission: 'appointments.write',
    offline: { policy: 'queue', label: 'Cancellation', outputRecord: 'appointment' },
    audit: { action: 'cancel_appointment', resourceType: 'appointment' },
  }),
  'appointments.setStatus': channel<AppointmentView>()({
    input: SetAppointmentStatusInput,
    permission: 'appointments.write',
    offline: { policy: 'queue', label: 'Status change', outputRecord: 'appointment' },
    audit: { action: 'change_appointment_status', resourceType: 'appointment' },
  }),
  'appointments.recordArrival': channel<AppointmentView>()({
    input: RecordArrivalInput,
    permission: 'appointments.write',
    offline: { policy: 'queue', label: 'Arrival', outputRecord: 'appointment' },
    audit: { action: 'record_arrival', resourceType: 'appointment' },
  }),
  'appointments.recordVisitStep': channel<AppointmentView>()({
    input: RecordVisitStepInput,
    permission: 'appointments.write',
    offline: { policy: 'queue', label: 'Step of a visit', outputRecord: 'appointment' },
    audit: { action: 'record_visit_step', resourceType: 'appointment' },
  }),
  'series.preview': channel<SeriesPreview>()({
    input: SeriesPreviewInput,
    permission: 'appointments.read',
    offline: 'read',
    audit: { action: 'preview_appointment_series', resourceType: 'appointment' },
  }),
  'series.book': channel<SeriesView>()({
    input: SeriesBookInput,
    permission: 'appointments.write',
    offline: 'server',
    audit: { action: 'book_appointment_series', resourceType: 'appointment' },
  }),
  'series.cancel': channel<SeriesCancellation>()({
    input: SeriesCancelInput,
    permission: 'appointments.write',
    offline: 'server',
    audit: { action: 'cancel_appointment_series', resourceType: 'appointment' },
  }),
  'calendar.day': channel<CalendarDay>()({
    input: CalendarDayInput,
    permission: 'appointments.read',
    offline: 'read',
    audit: { action: 'view_schedule', resourceType: 'appointment' },
  }),
} as const satisfies Record<SchedulingChannelName, ChannelSpec>;
