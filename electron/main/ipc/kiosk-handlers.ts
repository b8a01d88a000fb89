import type { KioskChannelName } from '../../../shared/ipc/kiosk/channel-names';
import { approvedFeedbackOf, feedbackQueue, moderateFeedback, myFeedback, ratingSummaries, submitFeedback } from '../services/kiosk/feedback';
import { enterKioskMode, exitKioskMode, signInAtKiosk } from '../services/kiosk/kiosk-mode';
import { signInAtKioskByBirthDate } from '../services/kiosk/birth-date-sign-in';
import { AppFailure } from '../../../shared/ipc/result';
import { findPatientForKiosk, setPatientKioskPassword } from '../services/kiosk/patient-password';
import { checkInAtKiosk, patientPrescriptions, patientVisits } from '../services/kiosk/patient-visits';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per kiosk channel; each calls one service. The patient is always the session's. */
export const kioskHandlers: HandlersOf<KioskChannelName> = {
  'kiosk.enter': async (_input, ctx) => enterKioskMode(ctx.session, ctx.runtime.stores().sql, signedInUser(ctx)),
  'kiosk.exit': async (input, { runtime, session }) => exitKioskMode(session, runtime.stores().sql, input, new Date(), runtime.passwordCost),
  'kiosk.signIn': async (input, { runtime, session }) => signInAtKiosk(session, runtime.stores().sql, input, new Date(), runtime.passwordCost),
  'kiosk.signInByBirthDate': async (input, { runtime, session }) => signInAtKioskByBirthDate(session, runtime.stores().sql, input, new Date()),
  'kiosk.findPatient': async (input, { runtime }) => findPatientForKiosk(runtime.stores().sql, input.email),
  'kiosk.setPatientPassword': async (input, { runtime }) => setPatientKioskPassword(runtime.stores().sql, input.patientId, input.newPassword, runtime.passwordCost),
  'kiosk.myVisits': async (_input, ctx) => patientVisits(ctx.runtime.stores(), signedInUser(ctx).id, ctx.clock),
  'kiosk.myPrescriptions': async (_input, ctx) => {
    if (ctx.session.checkInOnly) throw new AppFailure('FORBIDDEN', 'Prescriptions need your kiosk password: ask at the front desk.');
    return patientPrescriptions(ctx.runtime.stores().documents, signedInUser(ctx).id);
  },
  'kiosk.checkIn': async (input, ctx) => checkInAtKiosk(ctx.runtime.stores().sql, signedInUser(ctx).id, input.appointmentId, ctx.clock),
  'kiosk.submitFeedback': async (input, ctx) => submitFeedback(ctx.runtime.stores(), signedInUser(ctx).id, input, new Date(ctx.clock() * 60_000)),
  'feedback.queue': async (input, { runtime }) => feedbackQueue(runtime.stores(), input.status, input.limit),
  'feedback.moderate': async (input, ctx) =>
    moderateFeedback(ctx.runtime.stores(), signedInUser(ctx).id, input.feedbackId, input.decision, new Date(ctx.clock() * 60_000)),
  'feedback.ratingSummaries': async (input, { runtime }) => ratingSummaries(runtime.stores(), input.doctorId),
  'feedback.doctorFeedback': async (input, { runtime }) => approvedFeedbackOf(runtime.stores(), input.doctorId, input.limit),
  'feedback.mine': async (_input, ctx) => myFeedback(ctx.runtime.stores(), signedInUser(ctx).id),
};
