import { DateTime } from 'luxon';
import type { KioskChannelName } from '../../../../shared/ipc/kiosk/channel-names';
import type { Role } from '../../../../shared/ipc/permissions';
import { MONDAY } from '../../scheduling/clinic-fixture';
import type { FeatureSamples } from './types';

/** Per role: a pending feedback to moderate (ids are strings, so not in the fixture's `extra`). */
const pendingFeedback = new Map<Role, string>();
let patientEmail = '';

/** A day counted from the workstation's pinned today (MONDAY). */
const clinicDay = (offset: number) => DateTime.fromISO(MONDAY).plus({ days: offset }).toISODate() as string;

/** Sample calls of the kiosk channels. */
export const KIOSK_SAMPLES: FeatureSamples<KioskChannelName> = {
  samples: {
    'kiosk.enter': { input: () => ({}) },
    // Not a kiosk during the walk: both answer CONFLICT before looking at any password.
    'kiosk.exit': { input: () => ({ identifier: 'nobody', password: 'not a password' }), allowedOutcome: { all: 'CONFLICT' } },
    'kiosk.signIn': { input: () => ({ email: 'nobody@example.org', password: 'not a password' }), allowedOutcome: { all: 'CONFLICT' } },
    'kiosk.signInByBirthDate': {
      input: () => ({ firstName: 'Nobody', lastName: 'Known', dateOfBirth: '1980-01-01', phoneLastFour: '0000' }),
      allowedOutcome: { all: 'CONFLICT' },
    },
    'kiosk.findPatient': { input: () => ({ email: patientEmail }) },
    'kiosk.setPatientPassword': { input: (fixture) => ({ patientId: fixture.patientIds[3], newPassword: 'a new kiosk password' }) },
    'kiosk.myVisits': { input: () => ({}) },
    'kiosk.myPrescriptions': { input: () => ({}) },
    'kiosk.checkIn': { input: (fixture) => ({ appointmentId: fixture.extra.get('kiosk.today') ?? fixture.appointments.toConfirm }) },
    'kiosk.submitFeedback': {
      input: (fixture) => ({ appointmentId: fixture.extra.get('kiosk.completed') ?? fixture.appointments.toMove, ratings: { overall: 4, waitTime: 3 } }),
    },
    'feedback.queue': { input: () => ({}) },
    'feedback.moderate': { input: (_fixture, account) => ({ feedbackId: pendingFeedback.get(account.role) ?? '0'.repeat(24), decision: 'Approved' }) },
    'feedback.ratingSummaries': { input: () => ({}) },
    'feedback.doctorFeedback': { input: (fixture) => ({ doctorId: fixture.doctorId }) },
    'feedback.mine': { input: () => ({}) },
  },
  prepare: async (workstation, role, fixture, accounts) => {
    const { sql, documents } = workstation.runtime.stores();
    patientEmail = accounts.patient.identifier;
    const feedback = await documents.patientFeedback.insert({
      appointmentId: fixture.appointments.toMove,
      patientId: fixture.patientIds[0]!,
      doctorId: fixture.doctorId,
      ratings: { overall: 5 },
    });
    pendingFeedback.set(role, feedback.id);
    if (role !== 'patient') return;
    const patientId = accounts.patient.user.id;
    const book = (date: string, time: string, status: 'Scheduled' | 'Completed') =>
      sql.models.Appointment.create({ doctorId: fixture.doctorId, patientId, appointmentDate: date, appointmentTime: time, durationMinutes: 30, status }).then((a) => a.id);
    fixture.extra.set('kiosk.today', await book(clinicDay(0), '07:10', 'Scheduled'));
    fixture.extra.set('kiosk.completed', await book(clinicDay(-1), '07:20', 'Completed'));
  },
  fingerprint: async (workstation) => {
    const rows = await workstation.runtime.stores().documents.patientFeedback.find({}, { sort: { id: 'asc' } });
    return rows.map((row) => [row.id, row.moderationStatus, row.moderatedBy ?? null]);
  },
};
