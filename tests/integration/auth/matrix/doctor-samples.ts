import { QueryTypes } from 'sequelize';
import type { DoctorChannelName } from '../../../../shared/ipc/doctor/channel-names';
import { savePrescription } from '../../../../electron/main/services/doctor/prescriptions';
import { fixedClock } from '../../scheduling/clinic-fixture';
import { PASSWORD, tomorrow } from '../accounts-fixture';
import type { FeatureSamples } from './types';

/** Made once, for the doctor account of the matrix: its own visits and a prescription. */
const made = { ownVisit: 0, pastVisit: 0, prescriptionId: '000000000000000000000000', spareDoctorId: 0, blockId: 0 };
const HOURS = [{ dayOfWeek: 1, startTime: '09:00', endTime: '12:00', isAvailable: true }];
/** A week after the workstation's pinned today (Monday 2026-12-07). */
const inAWeek = () => '2026-12-14';
let sequence = 0;

/** Sample calls of the doctor channels; only a doctor (about their own patients) gets through. */
export const DOCTOR_SAMPLES: FeatureSamples<DoctorChannelName> = {
  samples: {
    'doctor.myDay': { input: () => ({ date: tomorrow() }) },
    'doctor.appointment': { input: () => ({ appointmentId: made.ownVisit }) },
    'doctor.setVisitOutcome': { input: () => ({ appointmentId: made.pastVisit, status: 'Completed' }) },
    'doctor.signingKey': { input: () => ({}) },
    'doctor.prescription.get': { input: () => ({ prescriptionId: made.prescriptionId }) },
    'doctor.prescription.save': {
      input: () => ({
        appointmentId: made.ownVisit,
        content: { medications: [{ name: 'Generic tablet', dosage: '10mg', frequency: 'daily', duration: '5 days', quantity: 5, refillsAllowed: 0 }] },
      }),
    },
    // the matrix runs without safeStorage: the key is sealed by the doctor's password
    'doctor.prescription.sign': { input: () => ({ prescriptionId: made.prescriptionId, password: PASSWORD }) },
    'doctor.prescription.pdf': { input: () => ({ prescriptionId: made.prescriptionId }) },
    'doctor.medicationNames': { input: () => ({ startsWith: 'Gen' }) },
    'doctor.followUp.slots': { input: () => ({ prescriptionId: made.prescriptionId, count: 3 }) },
    'doctor.followUp.book': {
      input: () => ({ prescriptionId: made.prescriptionId, date: tomorrow(), time: '15:00', idempotencyKey: `matrix-follow-up-${++sequence}` }),
      // the matrix's doctor account has no weekly hours: the engine's own refusal, after the checks
      allowedOutcome: { doctor: 'OUTSIDE_AVAILABILITY' },
    },
    'doctor.account.setPassword': { input: () => ({ doctorId: made.spareDoctorId, newPassword: PASSWORD }) },
    'doctor.schedule.get': { input: () => ({}) },
    'doctor.schedule.previewWeekly': { input: () => ({ weekly: HOURS }) },
    'doctor.schedule.saveWeekly': { input: () => ({ weekly: HOURS, resolution: { conflicts: 'keep' } }) },
    'doctor.schedule.previewBlock': { input: () => ({ block: { date: inAWeek(), startTime: null, endTime: null, reason: 'Conference' } }) },
    'doctor.schedule.addBlock': { input: () => ({ block: { date: inAWeek(), startTime: '13:00', endTime: '14:00', reason: 'Conference' }, resolution: { conflicts: 'keep' } }) },
    'doctor.schedule.removeBlock': { input: () => ({ blockId: made.blockId }) },
  },

  async prepare(workstation, role, fixture, accounts) {
    if (role !== 'doctor') return;
    const { sql, documents } = workstation.runtime.stores();
    const doctorId = accounts.doctor.user.id;
    const patientId = fixture.patientIds[3]!;
    const visit = (date: string, time: string, status: 'Scheduled' | 'Confirmed') =>
      sql.models.Appointment.create({ doctorId, patientId, appointmentDate: date, appointmentTime: time, durationMinutes: 30, status }).then((a) => a.id);
    made.ownVisit = await visit(tomorrow(), '08:00', 'Scheduled');
    // arrived (Confirmed) and over: the doctor may complete it
    made.pastVisit = await visit('2025-01-15', '09:00', 'Confirmed');
    made.spareDoctorId = fixture.doctorId;
    made.blockId = (await sql.models.DoctorUnavailableDate.create({ doctorId, unavailableDate: inAWeek(), startTime: null, endTime: null, reason: 'Training' })).id;
    const prescription = await savePrescription(
      { sql, documents, local: workstation.runtime.stores().local },
      accounts.doctor.user,
      {
        appointmentId: made.ownVisit,
        content: {
          medications: [{ name: 'Generic capsule', dosage: '250mg', frequency: 'twice daily', duration: '7 days', quantity: 14, refillsAllowed: 0 }],
          followUpRequired: true,
          followUpDays: 1,
        },
      },
      fixedClock(),
    );
    made.prescriptionId = prescription.id;
  },

  async fingerprint(workstation) {
    const { sql, documents, local } = workstation.runtime.stores();
    const [keys] = await sql.sequelize.query('SELECT COUNT(*) AS n FROM doctor_signing_keys', { type: QueryTypes.SELECT });
    const [secrets] = await local.sequelize.query('SELECT COUNT(*) AS n FROM doctor_signing_secrets', { type: QueryTypes.SELECT });
    const prescriptions = await documents.prescriptions.find({}, { sort: { prescriptionDate: 'asc' } });
    const hours = await sql.models.DoctorAvailability.count();
    const daysOff = await sql.models.DoctorUnavailableDate.findAll({ attributes: ['id'], order: [['id', 'ASC']], raw: true });
    return { keys, secrets, hours, daysOff, prescriptions: prescriptions.map((p) => [p.id, p.status, p.digitalSignature ?? null, p.updatedAt.toISOString()]) };
  },
};
