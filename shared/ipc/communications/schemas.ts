import { z } from 'zod';
import { text, emailText } from '../../domain/text';
import { COMMUNICATION_TYPES, DELIVERY_STATUSES } from '../../documents/communication-logs';
import { MessageTemplates } from '../../domain/communications/templates';
import { isIsoDate } from '../../domain/plain-date';

const id = (label: string) => z.number({ error: `${label} is required` }).int().positive(`${label} must be a positive whole number`);
// a calendar date, not only its shape: 2026-13-45 would reach the date arithmetic of the search
const isoDate = text().refine(isIsoDate, 'Use the form YYYY-MM-DD');

export const SaveTemplatesInput = z.strictObject({ templates: MessageTemplates });

export const SaveCommunicationSettingsInput = z.strictObject({
  clinicAddress: text().trim().max(300, 'The address is at most 300 characters'),
  methods: z.enum(['email', 'sms', 'email_and_sms']),
  reminderLeadHours: z.number().int('Whole hours').min(1, 'At least 1 hour').max(168, 'At most 168 hours (a week)'),
  jobIntervalMinutes: z.number().int('Whole minutes').min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
  smtpHost: text().trim().max(255).regex(/^[A-Za-z0-9.:-]*$/, 'A host name or address, like smtp.example.org'),
  smtpPort: z.number().int().min(1, 'A port from 1 to 65535').max(65535, 'A port from 1 to 65535'),
  smtpSecurity: z.enum(['starttls', 'tls', 'none']),
  smtpUser: text().trim().max(255),
  smtpFrom: z.union([z.literal(''), emailText('The sender must be an email address').max(254)]),
  /** Absent: keep the stored password; '': remove it; otherwise the new password. */
  smtpPassword: text().max(500).optional(),
});
export type SaveCommunicationSettingsInput = z.output<typeof SaveCommunicationSettingsInput>;

export const SendTestMessageInput = z.strictObject({ to: emailText('Enter the address to send the test to').max(254) });

export const SearchLogInput = z.strictObject({
  type: z.enum(COMMUNICATION_TYPES).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  method: z.enum(['email', 'sms', 'phone']).optional(),
  /** Clinic dates, inclusive, on sentAt. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export type SearchLogInput = z.output<typeof SearchLogInput>;

export const PatientHistoryInput = z.strictObject({ patientId: id('Patient') });
export const FindPatientsInput = z.strictObject({ query: text().trim().min(2, 'Type at least 2 letters').max(100) });
export const SetEmailOptOutInput = z.strictObject({ patientId: id('Patient'), optOut: z.boolean() });
export const RecordConfirmationInput = z.strictObject({
  appointmentId: id('Appointment'),
  via: z.enum(['phone', 'reply', 'in_person']),
});
export type RecordConfirmationInput = z.output<typeof RecordConfirmationInput>;
