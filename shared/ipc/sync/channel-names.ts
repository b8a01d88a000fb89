/** The connection to the clinic server and the local mirror (issue 8). Names only (no zod), for the preload; see ../channels.ts. */
export const SYNC_CHANNEL_NAMES = ['sync.status'] as const;
export type SyncChannelName = (typeof SYNC_CHANNEL_NAMES)[number];
