import type { Workstation } from '../../../../electron/main/compose';
import type { Channel } from '../../../../shared/ipc/contract';
import type { Role } from '../../../../shared/ipc/permissions';
import type { ErrorCode } from '../../../../shared/ipc/result';
import type { RoleAccount } from '../accounts-fixture';

/** What the matrix prepared for one role: a doctor of its own, patients, appointments to act on. */
export interface RoleFixture {
  doctorId: number;
  patientIds: number[];
  appointments: { toMove: number; toCancel: number; toConfirm: number };
  seriesToCancel: number;
  spareStaffId: number;
  /** Ids a feature's prepare() made for this role, under the feature's own names. */
  extra: Map<string, number>;
}

export interface Sample {
  input(fixture: RoleFixture, account: RoleAccount): unknown;
  /** When an allowed call is expected to end in a business refusal instead of ok, for these roles. */
  allowedOutcome?: Partial<Record<Role, ErrorCode>> & { all?: ErrorCode };
}

/**
 * One feature's sample calls. prepare() runs once per role after the common fixture exists
 * (nobody is assumed signed in: sign in as needed); fingerprint() returns what a refused call of
 * the feature could have changed, to prove it changed nothing.
 */
export interface FeatureSamples<C extends Channel> {
  samples: Record<C, Sample>;
  prepare?(workstation: Workstation, role: Role, fixture: RoleFixture, accounts: Record<Role, RoleAccount>): Promise<void>;
  fingerprint?(workstation: Workstation): Promise<unknown>;
}
