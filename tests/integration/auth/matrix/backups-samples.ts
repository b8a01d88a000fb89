import type { BackupChannelName } from '../../../../shared/ipc/backups/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the backup channels; a real restore is tested in backups/restore.test.ts. */
export const BACKUP_SAMPLES: FeatureSamples<BackupChannelName> = {
  samples: {
    'backups.list': { input: () => ({}) },
    'backups.create': { input: () => ({}) },
    // A restore here would swap the matrix's own clinic: a name that is not a backup.
    'backups.restore': { input: () => ({ name: 'clinic-desk-manual-20200101T000000Z.sqlite' }), allowedOutcome: { all: 'NOT_FOUND' } },
  },
};
