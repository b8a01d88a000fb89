import type { DoctorChannelName } from '../../../../shared/ipc/doctor/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the doctor channels. */
export const DOCTOR_SAMPLES: FeatureSamples<DoctorChannelName> = { samples: {} };
