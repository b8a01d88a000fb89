/** The audit trail: who read or changed which records. Names only (no zod), for the preload; see ../channels.ts. */
export const AUDIT_CHANNEL_NAMES = ['audit.search'] as const;
export type AuditChannelName = (typeof AUDIT_CHANNEL_NAMES)[number];
