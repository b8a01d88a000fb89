import type { CommunicationType, DeliveryStatus } from '../../../../shared/documents/communication-logs';

export const TYPE_LABEL: Record<CommunicationType, string> = {
  appointment_reminder: 'Reminder',
  appointment_confirmation: 'Booking confirmation',
  appointment_cancellation: 'Cancellation notice',
  appointment_rescheduled: 'Reschedule notice',
  prescription_ready: 'Prescription ready',
  follow_up: 'Follow-up',
  feedback_request: 'Feedback request',
  general: 'General',
};

export const STATUS_LABEL: Record<DeliveryStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  bounced: 'Bounced',
  not_sent: 'Not sent',
};

/** The status-pill modifier for a delivery status. */
export function statusTone(status: DeliveryStatus): 'ok' | 'off' | 'denied' {
  if (status === 'sent' || status === 'delivered') return 'ok';
  if (status === 'failed' || status === 'bounced') return 'denied';
  return 'off';
}

export const METHOD_LABEL = { email: 'Email', sms: 'SMS', phone: 'Phone' } as const;

export const VIA_LABEL = { phone: 'by phone', reply: 'by reply', in_person: 'in person' } as const;
