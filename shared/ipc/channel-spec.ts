import { z } from 'zod';
import type { Permission } from './permissions';
import type { ConflictResolution } from './sync/types';

/**
 * What the audit trail records about a channel that reads or changes patient information (or
 * staff accounts). resourceId and patientId pick the record from the call; without them the
 * dispatcher takes the output's `id`, then the input's appointmentId or patientId.
 */
export interface AuditSpec<I = unknown, O = unknown> {
  action: string;
  resourceType:
    | 'patient'
    | 'appointment'
    | 'prescription'
    | 'feedback'
    | 'communication'
    | 'staff'
    | 'audit'
    | 'backup'
    | 'data_health'
    | 'clinic_settings';
  // Method syntax on purpose: the dispatcher reads every channel's spec through one wide type.
  resourceId?(input: I, output: O): number | string | null;
  patientId?(input: I, output: O): number | null;
}

/**
 * What a channel does while the clinic server cannot be reached (networked mode):
 * - `anywhere`: this workstation's own business (session, status, backups): runs as always;
 * - `read`: answered from the local mirror;
 * - `queue`: a change applied to the mirror as pending and queued in the outbox, replayed
 *   through the same handler when the server is back (declared with `queued(...)`);
 * - `server`: needs the server itself (accounts, mail, documents the mirror does not hold):
 *   refused with OFFLINE and a sentence saying so, nothing changed.
 */
export type OfflinePolicy = 'anywhere' | 'read' | 'queue' | 'server';

/** The record a change's output `id` names, which the mirror reads again after the replay. */
export type ChangedRecord = 'appointment' | 'patient' | 'prescription';

/**
 * A kind of change that can be made offline: how the conflicts list names it, which resolutions
 * make sense when the server refuses it, and what the replay needs to know of it.
 */
export interface QueuedChange<I = unknown, O = unknown> {
  readonly policy: 'queue';
  /** The change in words for staff ("Booking", "Day off"). */
  readonly label: string;
  /**
   * Resolutions offered for a conflict; 'keep-theirs' (drop mine) always makes sense.
   * 'another-slot' means the change put an appointment at a time (input doctorId, patientId,
   * date, time, or the same on its output's appointment); 'keep-mine' that it states what should
   * be, whatever was there. Without it, keep-theirs alone.
   */
  readonly resolutions?: readonly ConflictResolution[];
  /** The record its output's `id` names (a booking's appointment, a registration's patient). */
  readonly outputRecord?: ChangedRecord;
  /** The patient it is about when neither the input nor the output says `patientId`. */
  patientId?(input: I, output: O): number | null;
  /** What else the description of the change shows (a setting's name and value). */
  detail?(input: I): string | null;
  /**
   * Keep mine restates the change over what the server has now: `before` (when given) is read
   * first (same user, no input) and `restate` makes the input again from it.
   */
  readonly keepMine?: { readonly before?: string; restate(input: I, before: unknown): unknown };
  /**
   * Writes to the document store, where no outbox key is kept with them: sent again after a lost
   * answer, one could be stored twice, so cut mid-way online it is answered SERVER_UNREACHABLE.
   */
  readonly unkeyedOnline?: boolean;
}

export type OfflineSpec<I = unknown, O = unknown> = Exclude<OfflinePolicy, 'queue'> | QueuedChange<I, O>;

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly permission: Permission;
  readonly audit?: AuditSpec<z.output<I>, O>;
  /** Required: a new channel does not build until someone decides what it does offline. */
  readonly offline: OfflineSpec<z.output<I>, O>;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(spec: {
    input: I;
    permission: Permission;
    audit?: AuditSpec<z.output<I>, O>;
    offline: OfflineSpec<z.output<I>, O>;
  }): ChannelSpec<I, O> =>
    spec;

export const offlinePolicyOf = (spec: Pick<ChannelSpec, 'offline'>): OfflinePolicy =>
  typeof spec.offline === 'string' ? spec.offline : spec.offline.policy;

/** The change kind of a queued channel; null for every other policy. */
export const queuedChangeOf = (spec: Pick<ChannelSpec, 'offline'>): QueuedChange | null =>
  typeof spec.offline === 'string' ? null : spec.offline;

export const NoInput = z.object({}).strict();

/** The resolutions a conflict of this change offers. */
export const resolutionsOf = (change: QueuedChange): readonly ConflictResolution[] =>
  change.resolutions ?? ['keep-theirs'];
