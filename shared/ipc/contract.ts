import type { z } from 'zod';
import { channel, NoInput, type ChannelSpec } from './channel-spec';
import { adminContract } from './admin/contract';
import { backupContract } from './backups/contract';
import { consistencyContract } from './consistency/contract';
import { searchContract } from './search/contract';
import { syncContract } from './sync/contract';
import { calendarContract } from './calendar/contract';
import { communicationContract } from './communications/contract';
import { doctorContract } from './doctor/contract';
import { kioskContract } from './kiosk/contract';
import { receptionContract } from './reception/contract';
import type { Result } from './result';
import type { AppStatus, AuditEntryView, AuditExport, AuditPage, AuditPerson, SessionInfo, SetupResult, StaffAccountView } from './types';
import type { AppointmentView, SlotView } from './scheduling-types';
import type { CalendarDay, SeriesCancellation, SeriesPreview, SeriesView } from './scheduling-types';
import {
  BookAppointmentInput,
  CancelAppointmentInput,
  FreeSlotsInput,
  RecordArrivalInput,
  RecordVisitStepInput,
  RescheduleAppointmentInput,
  SetAppointmentStatusInput,
  SoonestSlotsInput,
} from './scheduling-schemas';
import { CalendarDayInput, SeriesBookInput, SeriesCancelInput, SeriesPreviewInput } from './scheduling-schemas';
import { SetupInput, StoreRetryInput } from './schemas';
import { AuditExportInput, AuditPeopleInput, AuditSearchInput, CreateStaffInput, RecordAccessInput, ResetStaffPasswordInput, SetStaffActiveInput, SignInInput, UnlockInput } from './auth-schemas';
import { CHANNEL_NAMES, type ChannelName } from './channels';

/** Every channel between renderer and main: its input schema, output type and permission. */
export const contract = {
  'app.status': channel<AppStatus>()({ input: NoInput, permission: 'anyone' }),
  'app.retryStores': channel<AppStatus>()({ input: StoreRetryInput, permission: 'anyone' }),
  'setup.complete': channel<SetupResult>()({ input: SetupInput, permission: 'anyone' }),
  'session.current': channel<SessionInfo>()({ input: NoInput, permission: 'anyone' }),
  'session.signIn': channel<SessionInfo>()({ input: SignInInput, permission: 'anyone' }),
  'session.signOut': channel<SessionInfo>()({ input: NoInput, permission: 'session.own' }),
  'session.lock': channel<SessionInfo>()({ input: NoInput, permission: 'session.own' }),
  'session.unlock': channel<SessionInfo>()({ input: UnlockInput, permission: 'session.own' }),
  'session.activity': channel<SessionInfo>()({ input: NoInput, permission: 'session.own' }),
  'staff.list': channel<StaffAccountView[]>()({ input: NoInput, permission: 'staff.manage' }),
  'staff.create': channel<StaffAccountView>()({
    input: CreateStaffInput,
    permission: 'staff.manage',
    audit: { action: 'create_staff_account', resourceType: 'staff' },
  }),
  'staff.setActive': channel<StaffAccountView>()({
    input: SetStaffActiveInput,
    permission: 'staff.manage',
    audit: { action: 'change_staff_account_status', resourceType: 'staff', resourceId: (input) => input.staffId },
  }),
  'staff.resetPassword': channel<StaffAccountView>()({
    input: ResetStaffPasswordInput,
    permission: 'staff.manage',
    audit: { action: 'reset_staff_password', resourceType: 'staff', resourceId: (input) => input.staffId },
  }),
  'audit.search': channel<AuditPage>()({
    input: AuditSearchInput,
    permission: 'audit.read',
    // Reading the trail is itself recorded: it shows who looked at whose records.
    audit: { action: 'search_audit_trail', resourceType: 'audit', resourceId: () => null, patientId: (input) => input.patientId ?? null },
  }),
  'audit.export': channel<AuditExport>()({
    input: AuditExportInput,
    permission: 'audit.read',
    audit: { action: 'export_audit_trail', resourceType: 'audit', resourceId: () => null, patientId: (input) => input.patientId ?? null },
  }),
  // Names people to filter by: on record as a lookup (the people listed are not named in it).
  'audit.people': channel<AuditPerson[]>()({
    input: AuditPeopleInput,
    permission: 'audit.read',
    audit: { action: 'look_up_people_for_audit', resourceType: 'audit', resourceId: () => null, patientId: () => null },
  }),
  'audit.recordAccess': channel<AuditEntryView[]>()({
    input: RecordAccessInput,
    permission: 'audit.patient',
    audit: { action: 'view_record_access', resourceType: 'audit', resourceId: (input) => input.patientId, patientId: (input) => input.patientId },
  }),
  'slots.free': channel<SlotView[]>()({ input: FreeSlotsInput, permission: 'appointments.read' }),
  'slots.soonest': channel<SlotView[]>()({ input: SoonestSlotsInput, permission: 'appointments.read' }),
  'appointments.book': channel<AppointmentView>()({
    input: BookAppointmentInput,
    permission: 'appointments.write',
    audit: { action: 'book_appointment', resourceType: 'appointment' },
  }),
  'appointments.reschedule': channel<AppointmentView>()({
    input: RescheduleAppointmentInput,
    permission: 'appointments.write',
    audit: { action: 'reschedule_appointment', resourceType: 'appointment' },
  }),
  'appointments.cancel': channel<AppointmentView>()({
    input: CancelAppointmentInput,
    permission: 'appointments.write',
    audit: { action: 'cancel_appointment', resourceType: 'appointment' },
  }),
  'appointments.setStatus': channel<AppointmentView>()({
    input: SetAppointmentStatusInput,
    permission: 'appointments.write',
    audit: { action: 'change_appointment_status', resourceType: 'appointment' },
  }),
  'appointments.recordArrival': channel<AppointmentView>()({
    input: RecordArrivalInput,
    permission: 'appointments.write',
    audit: { action: 'record_arrival', resourceType: 'appointment' },
  }),
  'appointments.recordVisitStep': channel<AppointmentView>()({
    input: RecordVisitStepInput,
    permission: 'appointments.write',
    audit: { action: 'record_visit_step', resourceType: 'appointment' },
  }),
  'series.preview': channel<SeriesPreview>()({
    input: SeriesPreviewInput,
    permission: 'appointments.read',
    audit: { action: 'preview_appointment_series', resourceType: 'appointment' },
  }),
  'series.book': channel<SeriesView>()({
    input: SeriesBookInput,
    permission: 'appointments.write',
    audit: { action: 'book_appointment_series', resourceType: 'appointment' },
  }),
  'series.cancel': channel<SeriesCancellation>()({
    input: SeriesCancelInput,
    permission: 'appointments.write',
    audit: { action: 'cancel_appointment_series', resourceType: 'appointment' },
  }),
  'calendar.day': channel<CalendarDay>()({
    input: CalendarDayInput,
    permission: 'appointments.read',
    audit: { action: 'view_schedule', resourceType: 'appointment' },
  }),
  ...receptionContract,
  ...calendarContract,
  ...doctorContract,
  ...adminContract,
  ...communicationContract,
  ...kioskContract,
  ...backupContract,
  ...syncContract,
  ...consistencyContract,
  ...searchContract,
} as const satisfies Record<ChannelName, ChannelSpec>;

export type { AuditSpec, ChannelSpec } from './channel-spec';
export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = NonNullable<Contract[C]['output']>;

/** The API the preload exposes as `window.clinic` (and the bridge client mirrors). */
export type ClinicApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
