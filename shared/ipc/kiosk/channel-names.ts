/** Patient kiosk and feedback moderation. Names only (no zod), for the preload; see ../channels.ts. */
export const KIOSK_CHANNEL_NAMES = [
  'kiosk.enter',
  'kiosk.exit',
  'kiosk.signIn',
  'kiosk.signInByBirthDate',
  'kiosk.findPatient',
  'kiosk.setPatientPassword',
  'kiosk.myVisits',
  'kiosk.myPrescriptions',
  'kiosk.checkIn',
  'kiosk.submitFeedback',
  'feedback.queue',
  'feedback.moderate',
  'feedback.ratingSummaries',
  'feedback.doctorFeedback',
  'feedback.mine',
] as const;
export type KioskChannelName = (typeof KIOSK_CHANNEL_NAMES)[number];
