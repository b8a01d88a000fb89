import { QueryTypes } from 'sequelize';
import type { CommunicationChannelName } from '../../../../shared/ipc/communications/channel-names';
import { DEFAULT_TEMPLATES } from '../../../../shared/domain/communications/templates';
import type { FeatureSamples } from './types';

/** Sample calls of the communications channels. */
export const COMMUNICATION_SAMPLES: FeatureSamples<CommunicationChannelName> = {
  samples: {
    'communications.settings.get': { input: () => ({}) },
    'communications.settings.save': {
      input: () => ({
        clinicAddress: '1 Generated Road',
        methods: 'email',
        reminderLeadHours: 24,
        jobIntervalMinutes: 5,
        smtpHost: '',
        smtpPort: 587,
        smtpSecurity: 'starttls',
        smtpUser: '',
        smtpFrom: '',
      }),
    },
    // No SMTP server is set up in the matrix clinic: the answer says so (ok, delivered: false).
    'communications.settings.sendTest': { input: () => ({ to: 'matrix.test@example.org' }) },
    'communications.templates.get': { input: () => ({}) },
    'communications.templates.save': { input: () => ({ templates: DEFAULT_TEMPLATES }) },
    'communications.job.runNow': { input: () => ({}) },
    'communications.log.search': { input: () => ({ limit: 10 }) },
    'communications.patient.history': { input: (f) => ({ patientId: f.patientIds[0] }) },
    'communications.patient.find': { input: () => ({ query: 'Ad' }) },
    'communications.patient.setEmailOptOut': { input: (f) => ({ patientId: f.patientIds[1], optOut: true }) },
    'communications.appointment.recordConfirmation': { input: (f) => ({ appointmentId: f.appointments.toConfirm, via: 'phone' }) },
  },
  async fingerprint(workstation) {
    const { sql, documents } = workstation.runtime.stores();
    const optOuts = await sql.sequelize.query('SELECT id, email_opt_out FROM patients ORDER BY id', { type: QueryTypes.SELECT });
    const claims = await sql.sequelize.query('SELECT claim_key, state FROM message_claims ORDER BY id', { type: QueryTypes.SELECT });
    return { optOuts, claims, logs: await documents.communicationLogs.count() };
  },
};
