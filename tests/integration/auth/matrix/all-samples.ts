import type { Channel } from '../../../../shared/ipc/contract';
import { ADMIN_SAMPLES } from './admin-samples';
import { BACKUP_SAMPLES } from './backups-samples';
import { CALENDAR_SAMPLES } from './calendar-samples';
import { COMMUNICATION_SAMPLES } from './communications-samples';
import { CONSISTENCY_SAMPLES } from './consistency-samples';
import { SEARCH_SAMPLES } from './search-samples';
import { CORE_SAMPLES } from './core-samples';
import { DOCTOR_SAMPLES } from './doctor-samples';
import { KIOSK_SAMPLES } from './kiosk-samples';
import { RECEPTION_SAMPLES } from './reception-samples';
import { SYNC_SAMPLES } from './sync-samples';
import type { FeatureSamples, Sample } from './types';

/** Every feature's fixture hooks, run by the matrix after the common fixture exists. */
export const FEATURES: readonly Pick<FeatureSamples<Channel>, 'prepare' | 'fingerprint'>[] = [
  RECEPTION_SAMPLES,
  CALENDAR_SAMPLES,
  DOCTOR_SAMPLES,
  ADMIN_SAMPLES,
  COMMUNICATION_SAMPLES,
  KIOSK_SAMPLES,
  BACKUP_SAMPLES,
  SYNC_SAMPLES,
  CONSISTENCY_SAMPLES,
  SEARCH_SAMPLES,
];

/** A sample call for every channel: adding a channel without one breaks the compile. */
export const SAMPLES: Record<Channel, Sample> = {
  ...CORE_SAMPLES,
  ...RECEPTION_SAMPLES.samples,
  ...CALENDAR_SAMPLES.samples,
  ...DOCTOR_SAMPLES.samples,
  ...ADMIN_SAMPLES.samples,
  ...COMMUNICATION_SAMPLES.samples,
  ...KIOSK_SAMPLES.samples,
  ...BACKUP_SAMPLES.samples,
  ...SYNC_SAMPLES.samples,
  ...CONSISTENCY_SAMPLES.samples,
  ...SEARCH_SAMPLES.samples,
};
