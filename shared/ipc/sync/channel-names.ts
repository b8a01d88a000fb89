/** The connection to the clinic server, the local mirror and the offline outbox. Names only (no zod), for the preload; see ../channels.ts. */
export const SYNC_CHANNEL_NAMES = ['sync.status', 'sync.conflicts.list', 'sync.conflicts.resolve'] as const;
export type SyncChannelName = (typeof SYNC_CHANNEL_NAMES)[number];
