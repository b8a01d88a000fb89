import { describe, expect, it } from 'vitest';
import { auditDocument, auditedResource, type AuditEvent } from '../../../electron/main/services/audit/audit-event';

describe('which record an audited call is about', () => {
  it('takes the output id and patient of an appointment', () => {
    const spec = { action: 'book_appointment', resourceType: 'appointment' as const };
    expect(auditedResource(spec, { patientId: 9, doctorId: 2 }, { id: 41, patientId: 9 })).toEqual({ resourceId: 41, patientId: 9 });
  });

  it('falls back to the input when there is no output (a refused call)', () => {
    const spec = { action: 'cancel_appointment', resourceType: 'appointment' as const };
    expect(auditedResource(spec, { appointmentId: 7 }, undefined)).toEqual({ resourceId: 7, patientId: null });
  });

  it("uses the spec's own choice when given", () => {
    const spec = { action: 'reset_staff_password', resourceType: 'staff' as const, resourceId: (input: unknown) => (input as { staffId: number }).staffId };
    expect(auditedResource(spec, { staffId: 5 }, { id: 5 })).toEqual({ resourceId: 5, patientId: null });
  });

  it('treats the resource of a patient channel as the patient', () => {
    const spec = { action: 'view_patient_record', resourceType: 'patient' as const };
    expect(auditedResource(spec, {}, { id: 12, firstName: 'x' })).toEqual({ resourceId: 12, patientId: 12 });
  });
});

describe('the audit document', () => {
  const event: AuditEvent = {
    user: { id: 3, kind: 'staff', role: 'front_desk', displayName: 'Generated Clerk' },
    sessionId: 'sess-1',
    workstation: 'desk-1',
    channel: 'appointments.book',
    action: 'book_appointment',
    resourceType: 'appointment',
    resourceId: 41,
    patientId: 9,
    outcome: 'allowed',
  };

  it("has the seed's fields and no names of people", () => {
    const doc = auditDocument(event, { ipAddress: '192.168.1.20', userAgent: 'Clinic Desk/0.1.0 (linux)' }, 'e-1', new Date(0));
    expect(doc).toMatchObject({
      eventId: 'e-1',
      userId: 3,
      userType: 'front_desk',
      action: 'book_appointment',
      resourceType: 'appointment',
      resourceId: 41,
      patientId: 9,
      workstation: 'desk-1',
      ipAddress: '192.168.1.20',
      sessionId: 'sess-1',
      details: { recordsAccessed: ['appointment'], outcome: 'allowed' },
      complianceFlags: { hipaaCompliant: true, auditRequired: true, sensitiveDataAccessed: true },
    });
    expect(JSON.stringify(doc)).not.toContain('Generated Clerk');
    expect(doc).not.toHaveProperty('geolocation');
  });

  it('marks a denied attempt as not having reached sensitive data', () => {
    const doc = auditDocument({ ...event, outcome: 'denied' }, { ipAddress: null, userAgent: 'x' }, 'e-2', new Date(0));
    expect(doc.complianceFlags?.sensitiveDataAccessed).toBe(false);
    expect(doc).not.toHaveProperty('ipAddress');
  });
});
