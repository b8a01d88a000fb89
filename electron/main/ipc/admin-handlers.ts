import type { AdminChannelName } from '../../../shared/ipc/admin/channel-names';
import { listClinicSettings, saveClinicSetting } from '../services/admin/clinic-settings-admin';
import { readMedicationIngredients, saveMedicationIngredients } from '../services/admin/medication-ingredients';
import { readDoctorImage, removeDoctorImage, setDoctorImage } from '../services/admin/doctor-images';
import { createDoctor, listDoctors, resetDoctorPassword, setDoctorActive, updateDoctor } from '../services/admin/doctors-admin';
import {
  addUnavailableBlock,
  loadDoctorSchedule,
  previewBlock,
  previewWeeklyChange,
  removeUnavailableBlock,
  saveWeeklyAvailability,
} from '../services/availability/doctor-availability';
import { clinicReport } from '../services/reports/clinic-report';
import { auditEachCancellation } from './audit-cancellations';
import { afterPersonChanged } from '../services/consistency/copy-sync-hooks';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per admin channel; each calls one service. */
export const adminHandlers: HandlersOf<AdminChannelName> = {
  'admin.settings.list': async (_input, { runtime }) => listClinicSettings(runtime.stores().sql),
  'admin.settings.save': async (input, ctx) => {
    const saved = await saveClinicSetting(ctx.runtime.stores().sql, signedInUser(ctx), input);
    // This workstation's own lock follows at once; the others at their next sign-in.
    if (saved.name === 'inactivityLockMinutes') ctx.session.setIdleLockMinutes(saved.value as number);
    return saved;
  },

  'admin.doctors.list': async (input, { runtime }) => listDoctors(runtime.stores().sql, input.includeInactive),
  'admin.doctors.create': async (input, { runtime }) => createDoctor(runtime.stores().sql, input, runtime.passwordCost),
  'admin.doctors.update': async (input, { runtime, session }) => {
    const updated = await updateDoctor(runtime.stores().sql, input);
    await afterPersonChanged(runtime, session.workstation, 'doctor', input.doctorId);
    return updated;
  },
  'admin.doctors.setActive': async (input, { runtime, clock }) => setDoctorActive(runtime.stores().sql, input.doctorId, input.active, clock),
  'admin.doctors.resetPassword': async (input, { runtime }) => resetDoctorPassword(runtime.stores().sql, input.doctorId, input.newPassword, runtime.passwordCost),
  'admin.doctors.setImage': async (input, { runtime }) => setDoctorImage(runtime.stores().sql, runtime.options.dataDir, input),
  'admin.doctors.removeImage': async (input, { runtime }) => removeDoctorImage(runtime.stores().sql, runtime.options.dataDir, input.doctorId),
  'admin.doctors.image': async (input, { runtime }) => readDoctorImage(runtime.stores().sql, runtime.options.dataDir, input.doctorId),

  'admin.schedule.get': async (input, { runtime, clock }) => loadDoctorSchedule(runtime.stores().sql, input.doctorId, clock),
  'admin.schedule.previewWeekly': async (input, { runtime, clock }) => previewWeeklyChange(runtime.stores().sql, input.doctorId, input.weekly, clock),
  'admin.schedule.saveWeekly': async (input, ctx) =>
    saveWeeklyAvailability(ctx.runtime.stores().sql, input.doctorId, input.weekly, input.resolution, signedInUser(ctx), ctx.clock, auditEachCancellation(ctx, 'admin.schedule.saveWeekly')),
  'admin.schedule.previewBlock': async (input, { runtime, clock }) => previewBlock(runtime.stores().sql, input.doctorId, input.block, clock),
  'admin.schedule.addBlock': async (input, ctx) =>
    addUnavailableBlock(ctx.runtime.stores().sql, input.doctorId, input.block, input.resolution, signedInUser(ctx), ctx.clock, auditEachCancellation(ctx, 'admin.schedule.addBlock')),
  'admin.schedule.removeBlock': async (input, { runtime, clock }) => removeUnavailableBlock(runtime.stores().sql, input.doctorId, input.blockId, clock),
  'admin.medications.get': async (_input, { runtime }) => readMedicationIngredients(runtime.stores().sql),
  'admin.medications.save': async (input, ctx) => saveMedicationIngredients(ctx.runtime.stores().sql, signedInUser(ctx), input),
  'admin.reports.clinic': async (input, { runtime }) => clinicReport(runtime.stores().sql, input),
};
