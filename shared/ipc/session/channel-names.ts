/** The signed-in user at this workstation: sign in and out, lock and unlock, activity. Names only (no zod), for the preload; see ../channels.ts. */
export const SESSION_CHANNEL_NAMES = [
  'session.current',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.activity',
] as const;
export type SessionChannelName = (typeof SESSION_CHANNEL_NAMES)[number];
