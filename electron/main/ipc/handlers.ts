import { appStatus } from '../services/app-status';
import {
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
} from '../services/scheduling/booking';
import { listFreeSlots, soonestSlots } from '../services/scheduling/slot-queries';
import { completeSetup } from '../services/setup';
import { signedInUser, type Handlers } from './handler-types';

/** One entry per channel of the contract; the compiler refuses a missing or misspelled one. */
export const handlers: Handlers = {
  'app.status': async (_input, { runtime }) => appStatus(runtime),
  'app.retryStores': async (_input, { runtime }) => {
    // Only a workstation whose stores are down may reopen them; a healthy one keeps its connections.
    if (!runtime.state.ready) await runtime.restart();
    return appStatus(runtime);
  },
  'setup.complete': async (input, { runtime, session }) => {
    const result = await completeSetup(runtime.stores().sql, input);
    session.signIn(result.user);
    return result;
  },
  'session.current': async (_input, { session }) => ({ user: session.user }),

  'slots.free': async (input, { runtime, clock }) => listFreeSlots(runtime.stores().sql, input, clock),
  'slots.soonest': async (input, { runtime, clock }) => soonestSlots(runtime.stores().sql, input, clock),
  'appointments.book': async (input, { runtime, clock }) => bookAppointment(runtime.stores().sql, input, clock),
  'appointments.reschedule': async (input, { runtime, clock }) => rescheduleAppointment(runtime.stores().sql, input, clock),
  'appointments.cancel': async (input, ctx) => cancelAppointment(ctx.runtime.stores().sql, input, signedInUser(ctx), ctx.clock),
  'appointments.setStatus': async (input, { runtime, clock }) => setAppointmentStatus(runtime.stores().sql, input, clock),
};
