/** Admin: clinic settings, doctors and their schedules, reports. Names only (no zod), for the preload; see ../channels.ts. */
export const ADMIN_CHANNEL_NAMES = [
  'admin.settings.list',
  'admin.settings.save',
  'admin.doctors.list',
  'admin.doctors.create',
  'admin.doctors.update',
  'admin.doctors.setActive',
  'admin.doctors.resetPassword',
  'admin.doctors.setImage',
  'admin.doctors.removeImage',
  'admin.doctors.image',
  'admin.schedule.get',
  'admin.schedule.previewWeekly',
  'admin.schedule.saveWeekly',
  'admin.schedule.previewBlock',
  'admin.schedule.addBlock',
  'admin.schedule.removeBlock',
  'admin.reports.clinic',
  'admin.medications.get',
  'admin.medications.save',
] as const;
export type AdminChannelName = (typeof ADMIN_CHANNEL_NAMES)[number];
