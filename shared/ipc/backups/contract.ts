import { z } from 'zod';
import { text } from '../../domain/text';
import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import type { BackupChannelName } from './channel-names';
import type { BackupView, RestoreResult } from './types';

export const RestoreBackupInput = z.object({ name: text().min(1).max(200) }).strict();

/** The backup channels: admins look after the local store's backups. */
export const backupContract = {
  'backups.list': channel<BackupView[]>()({ input: NoInput, permission: 'clinic.configure', offline: 'anywhere' }),
  'backups.create': channel<BackupView>()({ input: NoInput, permission: 'clinic.configure', offline: 'anywhere' }),
  'backups.restore': channel<RestoreResult>()({
    input: RestoreBackupInput,
    permission: 'clinic.configure',
    offline: 'anywhere',
    // Restoring replaces every patient record at once: who did it, and which backup, is kept.
    audit: { action: 'restore_backup', resourceType: 'backup', resourceId: (input) => input.name },
  }),
} as const satisfies Record<BackupChannelName, ChannelSpec>;
