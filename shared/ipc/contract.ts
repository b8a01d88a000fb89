import { z } from 'zod';
import type { Permission } from './permissions';
import type { Result } from './result';
import type { AppStatus, SessionInfo, SetupResult } from './types';
import type { AppointmentView, SlotView } from './scheduling-types';
import {
  BookAppointmentInput,
  CancelAppointmentInput,
  FreeSlotsInput,
  RescheduleAppointmentInput,
  SetAppointmentStatusInput,
  SoonestSlotsInput,
} from './scheduling-schemas';
import { SetupInput, StoreRetryInput } from './schemas';
import { CHANNEL_NAMES, type ChannelName } from './channels';

/** What the audit trail records about a channel; `undefined` for channels that touch no patient data. */
export interface AuditSpec {
  action: string;
  resourceType: 'patient' | 'appointment' | 'prescription' | 'feedback' | 'communication' | 'staff';
}

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly permission: Permission;
  readonly audit?: AuditSpec;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

const channel =
  <O>() =>
  <I extends z.ZodType>(spec: { input: I; permission: Permission; audit?: AuditSpec }): ChannelSpec<I, O> =>
    spec;

const NoInput = z.object({}).strict();

/** Every channel between renderer and main: its input schema, output type and permission. */
export const contract = {
  'app.status': channel<AppStatus>()({ input: NoInput, permission: 'anyone' }),
  'app.retryStores': channel<AppStatus>()({ input: StoreRetryInput, permission: 'anyone' }),
  'setup.complete': channel<SetupResult>()({ input: SetupInput, permission: 'anyone' }),
  'session.current': channel<SessionInfo>()({ input: NoInput, permission: 'anyone' }),
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
} as const satisfies Record<ChannelName, ChannelSpec>;

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
