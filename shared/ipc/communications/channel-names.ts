/** Reminders, notices and the communication log (issue 9). Names only (no zod), for the preload; see ../channels.ts. */
export const COMMUNICATION_CHANNEL_NAMES = [] as const;
export type CommunicationChannelName = (typeof COMMUNICATION_CHANNEL_NAMES)[number];
