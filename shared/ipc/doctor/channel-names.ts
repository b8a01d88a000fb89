/** Doctor workstation: my day, patient history, signed prescriptions (issue 6). Names only (no zod), for the preload; see ../channels.ts. */
export const DOCTOR_CHANNEL_NAMES = [] as const;
export type DoctorChannelName = (typeof DOCTOR_CHANNEL_NAMES)[number];
