/** Backups of the local store. Names only (no zod), for the preload; see ../channels.ts. */
export const BACKUP_CHANNEL_NAMES = ['backups.list', 'backups.create', 'backups.restore'] as const;
export type BackupChannelName = (typeof BACKUP_CHANNEL_NAMES)[number];
