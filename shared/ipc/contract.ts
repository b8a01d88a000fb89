import type { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
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
import { appContract } from './app/contract';
import { auditContract } from './audit/contract';
import { schedulingContract } from './scheduling/contract';
import { sessionContract } from './session/contract';
import { staffContract } from './staff/contract';
import type { Result } from './result';
import { CHANNEL_NAMES, type ChannelName } from './channels';

/** Every channel between renderer and main: each feature's contract, joined. */
export const contract = {
  ...appContract,
  ...sessionContract,
  ...staffContract,
  ...auditContract,
  ...schedulingContract,
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
