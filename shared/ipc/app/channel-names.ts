/** The workstation's own state: its status, reopening its stores, the first-run setup. Names only (no zod), for the preload; see ../channels.ts. */
export const APP_CHANNEL_NAMES = ['app.status', 'app.retryStores', 'setup.complete'] as const;
export type AppChannelName = (typeof APP_CHANNEL_NAMES)[number];
