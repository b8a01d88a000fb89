import type { ChannelSpec } from '../channel-spec';
import type { DoctorChannelName } from './channel-names';

/** The doctor channels: input schema, output type, permission and audit spec of each. */
export const doctorContract = {} as const satisfies Record<DoctorChannelName, ChannelSpec>;
