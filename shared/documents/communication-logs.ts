import { z } from 'zod';
import { flag, instant, jsonValue, oneOf, recordId, text, type StoredIdentity } from './fields';

/** Collection `communication_logs` of the seed: every message sent (or attempted) to a patient. */

export const COMMUNICATION_TYPES = [
  'appointment_reminder',
  'appointment_confirmation',
  'appointment_cancellation',
  'appointment_rescheduled',
  'prescription_ready',
  'follow_up',
  'feedback_request',
  'general',
] as const;
export type CommunicationType = (typeof COMMUNICATION_TYPES)[number];

export const COMMUNICATION_METHODS = ['email', 'sms', 'phone'] as const;
export type CommunicationMethod = (typeof COMMUNICATION_METHODS)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'bounced', 'not_sent'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** `unknown` where the channel cannot tell (a phone call, most SMS gateways). */
export const READ_STATUSES = ['unknown', 'unread', 'opened', 'clicked'] as const;
export type ReadStatus = (typeof READ_STATUSES)[number];

export const ResponseTrackingSchema = z.strictObject({
  confirmationRequested: flag('Confirmation requested'),
  patientConfirmed: flag('Patient confirmed').optional(),
  confirmedAt: instant('Confirmed at').optional(),
});
export type ResponseTracking = z.output<typeof ResponseTrackingSchema>;

/** Provider details vary by provider and method: the seed's fields are typed, others kept as JSON. */
export const CommunicationMetadataSchema = z
  .object({
    emailProvider: text('Email provider', 100).optional(),
    messageId: text('Message id', 500).optional(),
    campaignId: text('Campaign id', 200).optional(),
  })
  .catchall(jsonValue);
export type CommunicationMetadata = z.output<typeof CommunicationMetadataSchema>;

/** What a caller supplies; the store adds `id`. */
export const CommunicationLogSchema = z
  .strictObject({
    type: oneOf('Message type', COMMUNICATION_TYPES),
    patientId: recordId('Patient'),
    doctorId: recordId('Doctor'),
    // Optional: not every message is about one appointment (a prescription, a clinic notice).
    appointmentId: recordId('Appointment').optional(),
    communicationMethod: oneOf('Communication method', COMMUNICATION_METHODS),
    recipientEmail: z.email('Recipient email must be a valid email address').max(254).optional(),
    // Not in the seed's email example, but an SMS or a call needs a number to go to.
    recipientPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{5,30}$/, 'Recipient phone must be a phone number')
      .optional(),
    subject: text('Subject', 500).optional(),
    content: text('Content', 20_000),
    // Absent while the message is queued or was never sent.
    sentAt: instant('Sent at').optional(),
    deliveryStatus: oneOf('Delivery status', DELIVERY_STATUSES).default('queued'),
    readStatus: oneOf('Read status', READ_STATUSES).optional(),
    responseTracking: ResponseTrackingSchema.optional(),
    metadata: CommunicationMetadataSchema.optional(),
  })
  .superRefine((log, ctx) => {
    if (log.communicationMethod === 'email' && !log.recipientEmail) {
      ctx.addIssue({ code: 'custom', path: ['recipientEmail'], message: 'An email needs a recipient email address' });
    }
    if (log.communicationMethod !== 'email' && !log.recipientPhone) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipientPhone'],
        message: `A ${log.communicationMethod} message needs a recipient phone number`,
      });
    }
    if (!log.sentAt && log.deliveryStatus !== 'queued' && log.deliveryStatus !== 'not_sent') {
      ctx.addIssue({
        code: 'custom',
        path: ['sentAt'],
        message: `Sent at is required when the delivery status is ${log.deliveryStatus}`,
      });
    }
  });
export type CommunicationLogInput = z.input<typeof CommunicationLogSchema>;
export type CommunicationLogFields = z.output<typeof CommunicationLogSchema>;
export type CommunicationLog = CommunicationLogFields & StoredIdentity;
