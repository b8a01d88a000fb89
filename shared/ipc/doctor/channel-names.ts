/** Doctor workstation: my day, patient history, signed prescriptions. Names only (no zod), for the preload; see ../channels.ts. */
export const DOCTOR_CHANNEL_NAMES = [
  'doctor.myDay',
  'doctor.appointment',
  'doctor.setVisitOutcome',
  'doctor.signingKey',
  'doctor.prescription.get',
  'doctor.prescription.save',
  'doctor.prescription.sign',
  'doctor.prescription.pdf',
  'doctor.medicationNames',
  'doctor.followUp.slots',
  'doctor.followUp.book',
  'doctor.account.setPassword',
  'doctor.schedule.get',
  'doctor.schedule.previewWeekly',
  'doctor.schedule.saveWeekly',
  'doctor.schedule.previewBlock',
  'doctor.schedule.addBlock',
  'doctor.schedule.removeBlock',
] as const;
export type DoctorChannelName = (typeof DOCTOR_CHANNEL_NAMES)[number];
