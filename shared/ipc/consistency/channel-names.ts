/** Data health: the integrity check and its repairs. Names only (no zod), for the preload; see ../channels.ts. */
export const CONSISTENCY_CHANNEL_NAMES = ['dataHealth.check', 'dataHealth.repair'] as const;
export type ConsistencyChannelName = (typeof CONSISTENCY_CHANNEL_NAMES)[number];
