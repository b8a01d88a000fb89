import type { CommunicationMethod, CommunicationType, DeliveryStatus } from '../../documents/communication-logs';
import type { MessageTemplates } from '../../domain/communications/templates';

/** The communications settings as admins see them; the SMTP password itself never leaves main. */
export interface CommunicationSettingsView {
  clinicName: string;
  clinicAddress: string;
  methods: 'email' | 'sms' | 'email_and_sms';
  reminderLeadHours: number;
  jobIntervalMinutes: number;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: 'starttls' | 'tls' | 'none';
  smtpUser: string;
  smtpFrom: string;
  /** Whether this workstation holds an SMTP password. */
  passwordStored: boolean;
  /** safeStorage: sealed by the operating system; session: no secure storage here, kept until the app closes. */
  passwordStorage: 'safeStorage' | 'session';
  smsProvider: 'none';
}

export interface TemplatesView {
  templates: MessageTemplates;
  clinicName: string;
  clinicAddress: string;
}

export interface TestMessageResult {
  delivered: boolean;
  messageId: string | null;
  reason: string | null;
}

/** What one run of the message job did. */
export interface MessageRunSummary {
  sent: number;
  failed: number;
  notSent: number;
  /** Failed for now; another try is scheduled. */
  retrying: number;
  /** Claimed by another workstation first, or already handled. */
  skipped: number;
  /** Email waits: no SMTP server is set, or this workstation has no password for it. */
  emailPaused: string | null;
}

/** One communication_logs document as the screens show it. */
export interface CommunicationLogView {
  id: string;
  type: CommunicationType;
  patientId: number;
  patientName: string | null;
  doctorId: number;
  appointmentId: number | null;
  method: CommunicationMethod;
  recipient: string;
  subject: string | null;
  content: string;
  sentAt: string | null;
  deliveryStatus: DeliveryStatus;
  /** Why it failed or was not sent. */
  reason: string | null;
  attempts: number | null;
  messageId: string | null;
  patientConfirmed: boolean;
  confirmedAt: string | null;
  confirmedVia: string | null;
}

export interface CommunicationLogPage {
  rows: CommunicationLogView[];
  total: number;
}

export interface PatientMatch {
  id: number;
  name: string;
  dateOfBirth: string;
  emailOptOut: boolean;
}

export interface PatientCommunicationsView {
  patientId: number;
  patientName: string;
  emailOptOut: boolean;
  messages: CommunicationLogView[];
}

export interface ConfirmationResult {
  appointmentId: number;
  status: string;
  /** The message whose responseTracking was filled; null when none was sent about it. */
  logId: string | null;
}
