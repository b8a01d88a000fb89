/** Patient kiosk and feedback moderation (issue 10). Names only (no zod), for the preload; see ../channels.ts. */
export const KIOSK_CHANNEL_NAMES = [] as const;
export type KioskChannelName = (typeof KIOSK_CHANNEL_NAMES)[number];
