import type { DoctorChannelName } from '../../../shared/ipc/doctor/channel-names';
import { appointmentPage } from '../services/doctor/appointment-page';
import { setDoctorPassword } from '../services/doctor/doctor-account';
import { bookFollowUp, followUpSlots } from '../services/doctor/follow-up';
import { myDay } from '../services/doctor/my-day';
import { doctorIdOf } from '../services/doctor/own-records';
import { prescriptionPdf } from '../services/doctor/prescription-pdf';
import { getPrescription, medicationNames, savePrescription, signOwnPrescription } from '../services/doctor/prescriptions';
import { signingKeyStatus } from '../services/doctor/signing-keys';
import { setVisitOutcome } from '../services/doctor/visit-outcome';
import { addOwnBlock, ownSchedule, previewOwnBlock, previewOwnWeekly, removeOwnBlock, saveOwnWeekly } from '../services/doctor/own-schedule';
import { auditEachCancellation } from './audit-cancellations';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per doctor channel; each calls one service, for the signed-in doctor only. */
export const doctorHandlers: HandlersOf<DoctorChannelName> = {
  'doctor.myDay': async (input, ctx) => myDay(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock),
  'doctor.appointment': async (input, ctx) => appointmentPage(ctx.runtime.stores(), signedInUser(ctx), input.appointmentId, ctx.clock),
  'doctor.setVisitOutcome': async (input, ctx) => setVisitOutcome(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock),
  'doctor.signingKey': async (_input, ctx) => signingKeyStatus(ctx.runtime.stores(), ctx.runtime.options.secretBox, doctorIdOf(signedInUser(ctx))),
  'doctor.prescription.get': async (input, ctx) => getPrescription(ctx.runtime.stores(), signedInUser(ctx), input.prescriptionId),
  'doctor.prescription.save': async (input, ctx) => savePrescription(ctx.runtime.stores(), signedInUser(ctx), input, ctx.clock),
  'doctor.prescription.sign': async (input, ctx) =>
    signOwnPrescription(ctx.runtime.stores(), ctx.runtime.options.secretBox, signedInUser(ctx), input, ctx.clock, ctx.runtime.passwordCost),
  'doctor.prescription.pdf': async (input, ctx) => prescriptionPdf(ctx.runtime.stores(), signedInUser(ctx), input.prescriptionId),
  'doctor.medicationNames': async (input, ctx) => medicationNames(ctx.runtime.stores(), input.startsWith),
  'doctor.followUp.slots': async (input, ctx) => followUpSlots(ctx.runtime.stores(), signedInUser(ctx), input, ctx.clock),
  'doctor.followUp.book': async (input, ctx) => bookFollowUp(ctx.runtime.stores(), signedInUser(ctx), input, ctx.clock),
  'doctor.account.setPassword': async (input, ctx) => setDoctorPassword(ctx.runtime.stores().sql, input, ctx.runtime.passwordCost),
  'doctor.schedule.get': async (_input, ctx) => ownSchedule(ctx.runtime.stores().sql, signedInUser(ctx), ctx.clock),
  'doctor.schedule.previewWeekly': async (input, ctx) => previewOwnWeekly(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock),
  'doctor.schedule.saveWeekly': async (input, ctx) =>
    saveOwnWeekly(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock, auditEachCancellation(ctx, 'doctor.schedule.saveWeekly')),
  'doctor.schedule.previewBlock': async (input, ctx) => previewOwnBlock(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock),
  'doctor.schedule.addBlock': async (input, ctx) =>
    addOwnBlock(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock, auditEachCancellation(ctx, 'doctor.schedule.addBlock')),
  'doctor.schedule.removeBlock': async (input, ctx) => removeOwnBlock(ctx.runtime.stores().sql, signedInUser(ctx), input, ctx.clock),
};
