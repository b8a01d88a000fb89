/** The staff accounts an administrator manages. Names only (no zod), for the preload; see ../channels.ts. */
export const STAFF_CHANNEL_NAMES = ['staff.list', 'staff.create', 'staff.setActive', 'staff.resetPassword'] as const;
export type StaffChannelName = (typeof STAFF_CHANNEL_NAMES)[number];
