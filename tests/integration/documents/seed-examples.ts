import type {
  CommunicationLogInput,
  PatientFeedbackInput,
  PrescriptionInput,
  SystemAuditLogInput,
} from '../../../shared/documents';

/**
 * The four example documents of the seed schema (shared/seed, "MongoDB Collection Design"), as a
 * caller would hand them to the store: without `_id` and, for prescriptions, without
 * createdAt/updatedAt (the store assigns those). Dates stay ISO strings, as in the seed, so the
 * round trip also proves they come back as Dates. Every other value is the seed's.
 */

export const seedPrescription = {
  appointmentId: 125,
  patientId: 45,
  doctorId: 12,
  patientName: 'John Smith',
  doctorName: 'Dr. Sarah Johnson',
  prescriptionDate: '2024-03-15T10:30:00Z',
  medications: [
    {
      name: 'Amoxicillin',
      dosage: '500mg',
      frequency: '3 times daily',
      duration: '7 days',
      instructions: 'Take with food',
      quantity: 21,
      refillsAllowed: 0,
    },
    {
      name: 'Ibuprofen',
      dosage: '400mg',
      frequency: 'Every 6-8 hours as needed',
      duration: '5 days',
      instructions: 'Take with food or milk',
      quantity: 20,
      refillsAllowed: 1,
    },
  ],
  clinicalNotes: 'Patient reported mild throat infection. Prescribed antibiotics for bacterial treatment.',
  diagnosis: 'Acute pharyngitis',
  followUpRequired: true,
  followUpDays: 7,
  pharmacy: {
    name: 'HealthPlus Pharmacy',
    address: '123 Main Street, San Francisco, CA',
    phone: '+1-555-0123',
    faxNumber: '+1-555-0124',
  },
  digitalSignature: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
  status: 'Active',
} satisfies PrescriptionInput;

export const seedFeedback = {
  appointmentId: 125,
  patientId: 45,
  doctorId: 12,
  ratings: {
    overall: 4.5,
    doctorProfessionalism: 5,
    waitTime: 4,
    facilityCleanlines: 5,
    staffFriendliness: 4,
  },
  textReview:
    'Dr. Johnson was very thorough and explained everything clearly. The wait time was reasonable and staff was helpful.',
  recommendToFriend: true,
  anonymous: false,
  feedbackDate: '2024-03-15T14:30:00Z',
  tags: ['professional', 'thorough', 'friendly'],
  improvement_suggestions: ['Could use more parking spaces', 'Online check-in would be helpful'],
  wouldReturnToDoctor: true,
  verified: true,
  moderationStatus: 'Approved',
} satisfies PatientFeedbackInput;

export const seedCommunicationLog = {
  type: 'appointment_reminder',
  patientId: 45,
  doctorId: 12,
  appointmentId: 125,
  communicationMethod: 'email',
  recipientEmail: 'john.smith@email.com',
  subject: 'Appointment Reminder - Tomorrow at 10:30 AM',
  content: 'Dear John, this is a reminder for your appointment with Dr. Sarah Johnson tomorrow...',
  sentAt: '2024-03-14T18:00:00Z',
  deliveryStatus: 'delivered',
  readStatus: 'opened',
  responseTracking: {
    confirmationRequested: true,
    patientConfirmed: true,
    confirmedAt: '2024-03-14T19:15:00Z',
  },
  metadata: {
    emailProvider: 'SendGrid',
    messageId: '14c5d75ce93.dfd.64b469cdff.20030203@your-domain.com',
    campaignId: 'appointment_reminders_march_2024',
  },
} satisfies CommunicationLogInput;

export const seedAuditLog = {
  timestamp: '2024-03-15T10:25:30Z',
  userId: 12,
  userType: 'doctor',
  action: 'view_patient_record',
  resourceType: 'patient',
  resourceId: 45,
  ipAddress: '192.168.1.100',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
  sessionId: 'sess_abc123def456',
  details: {
    patientName: 'John Smith',
    recordsAccessed: ['medical_history', 'prescriptions', 'appointments'],
    reasonForAccess: 'scheduled_appointment',
  },
  complianceFlags: {
    hipaaCompliant: true,
    auditRequired: true,
    sensitiveDataAccessed: true,
  },
  geolocation: {
    country: 'US',
    state: 'CA',
    city: 'San Francisco',
  },
} satisfies SystemAuditLogInput;
