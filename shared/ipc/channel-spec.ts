import { z } from 'zod';
import type { Permission } from './permissions';

/**
 * What the audit trail records about a channel that reads or changes patient information (or
 * staff accounts). resourceId and patientId pick the record from the call; without them the
 * dispatcher takes the output's `id`, then the input's appointmentId or patientId.
 */
export interface AuditSpec<I = unknown, O = unknown> {
  action: string;
  resourceType: 'patient' | 'appointment' | 'prescription' | 'feedback' | 'communication' | 'staff' | 'audit' | 'backup' | 'data_health';
  // Method syntax on purpose: the dispatcher reads every channel's spec through one wide type.
  resourceId?(input: I, output: O): number | string | null;
  patientId?(input: I, output: O): number | null;
}

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly permission: Permission;
  readonly audit?: AuditSpec<z.output<I>, O>;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(spec: { input: I; permission: Permission; audit?: AuditSpec<z.output<I>, O> }): ChannelSpec<I, O> =>
    spec;

export const NoInput = z.object({}).strict();

