import type { SchedulingChannelName } from '../../../shared/ipc/scheduling/channel-names';
import { recordArrival } from '../services/scheduling/arrival';
import {
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
} from '../services/scheduling/booking';
import { calendarDay } from '../services/scheduling/calendar-day';
import { bookSeries, previewSeries } from '../services/scheduling/series';
import { cancelSeries } from '../services/scheduling/series-cancel';
import { listFreeSlots, soonestSlots } from '../services/scheduling/slot-queries';
import { recordVisitStep } from '../services/scheduling/visit-steps';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per scheduling channel; each calls one service with the workstation's clock. */
export const schedulingHandlers: HandlersOf<SchedulingChannelName> = {
  'slots.free': async (input, { runtime, clock }) => listFreeSlots(runtime.stores().sql, input, clock),
  'slots.soonest': async (input, { runtime, clock }) => soonestSlots(runtime.stores().sql, input, clock),
  'appointments.book': async (input, { runtime, clock }) => bookAppointment(runtime.stores().sql, input, clock),
  'appointments.reschedule': async (input, { runtime, clock }) =>
    rescheduleAppointment(runtime.stores().sql, input, clock),
  'appointments.cancel': async (input, ctx) =>
    cancelAppointment(ctx.runtime.stores().sql, input, signedInUser(ctx), ctx.clock),
  'appointments.setStatus': async (input, { runtime, clock }) =>
    setAppointmentStatus(runtime.stores().sql, input, clock),
  'appointments.recordArrival': async (input, { runtime, clock }) =>
    recordArrival(runtime.stores().sql, input.appointmentId, clock),
  'appointments.recordVisitStep': async (input, { runtime, clock }) =>
    recordVisitStep(runtime.stores().sql, input, clock),
  'series.preview': async (input, { runtime, clock }) => previewSeries(runtime.stores().sql, input, clock),
  'series.book': async (input, { runtime, clock }) => bookSeries(runtime.stores().sql, input, clock),
  'series.cancel': async (input, ctx) => cancelSeries(ctx.runtime.stores().sql, input, signedInUser(ctx), ctx.clock),
  'calendar.day': async (input, { runtime }) => calendarDay(runtime.stores().sql, input),
};
