import type { CoreChannelName } from '../../../../shared/ipc/channels';
import { PASSWORD, tomorrow } from '../accounts-fixture';
import type { Sample } from './types';

const day = tomorrow();
let sequence = 0;

/** A sample call for every core channel: adding a channel without one breaks the compile. */
export const CORE_SAMPLES: Record<CoreChannelName, Sample> = {
  'app.status': { input: () => ({}) },
  'app.retryStores': { input: () => ({}) },
  'setup.complete': {
    input: () => ({
      clinicName: 'Generated Clinic',
      timezone: 'Europe/Berlin',
      admin: { username: 'second.setup', email: 'second@clinic.example', firstName: 'Gen', lastName: 'Erated', password: PASSWORD },
    }),
    allowedOutcome: { all: 'ALREADY_SET_UP' },
  },
  'session.current': { input: () => ({}) },
  'session.signIn': {
    input: (_f, account) => ({ identifier: account.identifier, password: PASSWORD }),
    // Patients sign in at the kiosk, not at a staff workstation.
    allowedOutcome: { patient: 'INVALID_CREDENTIALS' },
  },
  'session.signOut': { input: () => ({}) },
  'session.lock': { input: () => ({}) },
  'session.unlock': { input: () => ({ password: PASSWORD }) },
  'session.activity': { input: () => ({}) },
  'staff.list': { input: () => ({}) },
  'staff.create': {
    input: () => ({
      username: `made.${++sequence}`,
      email: `made.${sequence}@clinic.example`,
      firstName: 'Gen',
      lastName: 'Erated',
      role: 'front_desk',
      password: PASSWORD,
    }),
  },
  'staff.setActive': { input: (f) => ({ staffId: f.spareStaffId, active: true }) },
  'staff.resetPassword': { input: (f) => ({ staffId: f.spareStaffId, newPassword: PASSWORD }) },
  'audit.search': { input: () => ({ limit: 5 }) },
  'audit.export': { input: () => ({ userKind: 'staff' }) },
  'audit.people': { input: () => ({ kind: 'patient', startsWith: 'Lov' }) },
  'audit.recordAccess': { input: (f) => ({ patientId: f.patientIds[0] }) },
  'slots.free': { input: (f) => ({ doctorId: f.doctorId, fromDate: day, days: 1 }) },
  'slots.soonest': { input: (f) => ({ doctorIds: [f.doctorId], count: 3 }) },
  'appointments.book': {
    input: (f) => ({ doctorId: f.doctorId, patientId: f.patientIds[3], date: day, time: '15:00', idempotencyKey: `matrix-${++sequence}-key` }),
  },
  'appointments.reschedule': { input: (f) => ({ appointmentId: f.appointments.toMove, date: day, time: '16:00' }) },
  'appointments.cancel': { input: (f) => ({ appointmentId: f.appointments.toCancel, reason: 'Patient called to cancel' }) },
  'appointments.setStatus': { input: (f) => ({ appointmentId: f.appointments.toConfirm, status: 'Confirmed' }) },
  'appointments.recordArrival': {
    input: (f) => ({ appointmentId: f.appointments.toConfirm }),
    // The fixture's visits are tomorrow; a real arrival is tested in scheduling/arrival.test.ts.
    allowedOutcome: { all: 'NOT_TODAY' },
  },
  'appointments.recordVisitStep': {
    input: (f) => ({ appointmentId: f.appointments.toConfirm, step: 'in-room' }),
    // The fixture's visits are tomorrow; the steps are tested in scheduling/visit-steps.test.ts.
    allowedOutcome: { all: 'NOT_TODAY' },
  },
  'series.preview': { input: (f) => ({ doctorId: f.doctorId, patientId: f.patientIds[3], date: day, time: '13:00', repeat: { intervalWeeks: 1, count: 2 } }) },
  'series.book': {
    input: (f) => ({
      doctorId: f.doctorId,
      patientId: f.patientIds[3],
      date: day,
      time: '13:00',
      repeat: { intervalWeeks: 1, count: 2 },
      idempotencyKey: `matrix-series-${++sequence}`,
    }),
  },
  'series.cancel': { input: (f) => ({ seriesId: f.seriesToCancel, reason: 'Course of treatment ended' }) },
  'calendar.day': { input: (f) => ({ date: day, doctorIds: [f.doctorId] }) },
};
