import type { BackupKind } from '../../../../shared/domain/backups';

export const BACKUP_KIND_LABEL: Record<BackupKind, string> = {
  scheduled: 'Automatic',
  manual: 'Made by hand',
  'before-restore': 'Before a restore',
};

/** File sizes as people read them: "812 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
