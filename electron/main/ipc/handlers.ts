import { appStatus } from '../services/app-status';
import {
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
} from '../services/scheduling/booking';
import { recordArrival } from '../services/scheduling/arrival';
import { recordVisitStep } from '../services/scheduling/visit-steps';
import { listFreeSlots, soonestSlots } from '../services/scheduling/slot-queries';
import { bookSeries, previewSeries } from '../services/scheduling/series';
import { cancelSeries } from '../services/scheduling/series-cancel';
import { calendarDay } from '../services/scheduling/calendar-day';
import { completeSetup } from '../services/setup';
import { signInAtWorkstation, startSession, unlockWorkstation, type SignInMode } from '../services/auth/workstation-sign-in';
import type { AppRuntime } from '../runtime/app-runtime';
import { createStaff, listStaff, resetStaffPassword, setStaffActive } from '../services/staff-accounts';
import { exportAuditTrail, lookUpAuditPeople, recordAccess, searchAuditTrail } from '../services/audit/audit-search';
import { signedInUser, type Handlers } from './handler-types';
import { adminHandlers } from './admin-handlers';
import { backupHandlers } from './backups-handlers';
import { consistencyHandlers } from './consistency-handlers';
import { searchHandlers } from './search-handlers';
import { syncHandlers } from './sync-handlers';
import { calendarHandlers } from './calendar-handlers';
import { communicationHandlers } from './communications-handlers';
import { doctorHandlers } from './doctor-handlers';
import { kioskHandlers } from './kiosk-handlers';
import { receptionHandlers } from './reception-handlers';

/**
 * Offline while the runtime serves from the mirror. Reads `servingMirror` only if the runtime
 * has it, so this compiles before and after that flag lands; afterwards it is simply
 * `{ offline: runtime.servingMirror }`.
 */
function signInMode(runtime: AppRuntime): SignInMode {
  return { offline: runtime.servingMirror };
}

/** One entry per channel of the contract; the compiler refuses a missing or misspelled one. */
export const handlers: Handlers = {
  'app.status': async (_input, { runtime }) => appStatus(runtime),
  'app.retryStores': async (_input, { runtime }) => {
    // Only a workstation whose stores are down may reopen them; a healthy one keeps its connections.
    if (!runtime.state.ready) await runtime.restart();
    return appStatus(runtime);
  },
  'setup.complete': async (input, { runtime, session }) => {
    const { sql } = runtime.stores();
    const result = await completeSetup(sql, input);
    await startSession(session, sql, result.user);
    return result;
  },
  'session.current': async (_input, { session }) => session.info(),
  'session.signIn': async (input, { runtime, session }) => signInAtWorkstation(session, runtime.stores(), input, new Date(), signInMode(runtime)),
  'session.signOut': async (_input, { session }) => {
    session.signOut();
    return session.info();
  },
  'session.lock': async (_input, { session }) => {
    session.lock();
    return session.info();
  },
  'session.unlock': async (input, ctx) =>
    unlockWorkstation(ctx.session, ctx.runtime.stores(), signedInUser(ctx), input.password, new Date(), signInMode(ctx.runtime)),
  'session.activity': async (_input, { session }) => {
    session.recordActivity();
    return session.info();
  },
  'staff.list': async (_input, { runtime }) => listStaff(runtime.stores().sql),
  'staff.create': async (input, { runtime }) => createStaff(runtime.stores().sql, input),
  'staff.setActive': async (input, ctx) => setStaffActive(ctx.runtime.stores().sql, signedInUser(ctx), input.staffId, input.active),
  'staff.resetPassword': async (input, { runtime }) => resetStaffPassword(runtime.stores().sql, input.staffId, input.newPassword),
  'audit.search': async (input, { runtime }) => searchAuditTrail(runtime.stores(), input),
  'audit.export': async (input, { runtime, clock }) => exportAuditTrail(runtime.stores(), input, clock),
  'audit.people': async (input, { runtime }) => lookUpAuditPeople(runtime.stores().sql, input),
  'audit.recordAccess': async (input, { runtime }) => recordAccess(runtime.stores(), input.patientId),

  'slots.free': async (input, { runtime, clock }) => listFreeSlots(runtime.stores().sql, input, clock),
  'slots.soonest': async (input, { runtime, clock }) => soonestSlots(runtime.stores().sql, input, clock),
  'appointments.book': async (input, { runtime, clock }) => bookAppointment(runtime.stores().sql, input, clock),
  'appointments.reschedule': async (input, { runtime, clock }) => rescheduleAppointment(runtime.stores().sql, input, clock),
  'appointments.cancel': async (input, ctx) => cancelAppointment(ctx.runtime.stores().sql, input, signedInUser(ctx), ctx.clock),
  'appointments.setStatus': async (input, { runtime, clock }) => setAppointmentStatus(runtime.stores().sql, input, clock),
  'appointments.recordArrival': async (input, { runtime, clock }) => recordArrival(runtime.stores().sql, input.appointmentId, clock),
  'appointments.recordVisitStep': async (input, { runtime, clock }) => recordVisitStep(runtime.stores().sql, input, clock),
  'series.preview': async (input, { runtime, clock }) => previewSeries(runtime.stores().sql, input, clock),
  'series.book': async (input, { runtime, clock }) => bookSeries(runtime.stores().sql, input, clock),
  'series.cancel': async (input, ctx) => cancelSeries(ctx.runtime.stores().sql, input, signedInUser(ctx), ctx.clock),
  'calendar.day': async (input, { runtime }) => calendarDay(runtime.stores().sql, input),
  ...receptionHandlers,
  ...calendarHandlers,
  ...doctorHandlers,
  ...adminHandlers,
  ...communicationHandlers,
  ...kioskHandlers,
  ...backupHandlers,
  ...syncHandlers,
  ...consistencyHandlers,
  ...searchHandlers,
};
