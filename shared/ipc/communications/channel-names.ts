/** Reminders, notices and the communication log. Names only (no zod), for the preload; see ../channels.ts. */
export const COMMUNICATION_CHANNEL_NAMES = [
  'communications.settings.get',
  'communications.settings.save',
  'communications.settings.sendTest',
  'communications.templates.get',
  'communications.templates.save',
  'communications.job.runNow',
  'communications.log.search',
  'communications.patient.history',
  'communications.patient.find',
  'communications.patient.setEmailOptOut',
  'communications.appointment.recordConfirmation',
] as const;
export type CommunicationChannelName = (typeof COMMUNICATION_CHANNEL_NAMES)[number];
