import { z } from 'zod';
import { flag, instant, jsonValue, labels, missingOr, oneOf, recordId, text, type StoredIdentity } from './fields';

/** Collection `system_audit_logs` of the seed: who read or changed what, when, from where. */

export const AUDIT_USER_TYPES = ['patient', 'doctor', 'front_desk', 'admin', 'super_admin', 'system'] as const;
export type AuditUserType = (typeof AUDIT_USER_TYPES)[number];

/** The seed's fields typed; anything else an action wants to record is kept as plain JSON. */
export const AuditDetailsSchema = z
  .object({
    patientName: text('Patient name', 200).optional(),
    recordsAccessed: labels('Records accessed', 50, 100).optional(),
    reasonForAccess: text('Reason for access', 500).optional(),
  })
  .catchall(jsonValue);
export type AuditDetails = z.output<typeof AuditDetailsSchema>;

export const ComplianceFlagsSchema = z.strictObject({
  hipaaCompliant: flag('HIPAA compliant'),
  auditRequired: flag('Audit required'),
  sensitiveDataAccessed: flag('Sensitive data accessed'),
});
export type ComplianceFlags = z.output<typeof ComplianceFlagsSchema>;

export const GeolocationSchema = z.strictObject({
  country: text('Country', 100).optional(),
  state: text('State', 100).optional(),
  city: text('City', 100).optional(),
});
export type Geolocation = z.output<typeof GeolocationSchema>;

/**
 * What a caller supplies; the store adds `id`. Beyond the seed's fields: `eventId` (unique: a
 * record delivered twice from the offline buffer is refused as DUPLICATE, not stored twice),
 * `patientId` (the patient whose information was touched, so the trail can be searched, and
 * sharded, by patient like the other collections) and `workstation` (the design's "from where").
 */
export const SystemAuditLogSchema = z
  .strictObject({
    eventId: z.uuid('Event id must be a UUID').default(() => crypto.randomUUID()),
    timestamp: instant('Timestamp').default(() => new Date()),
    // Absent only for the system itself (jobs, sync replays) acting without a signed-in user.
    userId: recordId('User').optional(),
    userType: oneOf('User type', AUDIT_USER_TYPES),
    action: z
      .string({ error: missingOr('Action', 'Action must be text') })
      .regex(/^[a-z][a-z0-9_]{0,99}$/, 'Action must be a snake_case name such as view_patient_record'),
    resourceType: text('Resource type', 50),
    // The seed's resources are relational rows (45); documents are addressed by their hex id.
    patientId: recordId('Patient').optional(),
    resourceId: z
      .union([recordId('Resource'), text('Resource id', 100)], {
        error: 'Resource id must be a positive id or a document id',
      })
      .optional(),
    workstation: text('Workstation', 200).optional(),
    ipAddress: text('IP address', 45).optional(),
    userAgent: text('User agent', 1000).optional(),
    sessionId: text('Session id', 200).optional(),
    details: AuditDetailsSchema.optional(),
    complianceFlags: ComplianceFlagsSchema.optional(),
    geolocation: GeolocationSchema.optional(),
  })
  .superRefine((log, ctx) => {
    if (log.userType !== 'system' && log.userId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: `User is required for a ${log.userType} action` });
    }
  });
export type SystemAuditLogInput = z.input<typeof SystemAuditLogSchema>;
export type SystemAuditLogFields = z.output<typeof SystemAuditLogSchema>;
export type SystemAuditLog = SystemAuditLogFields & StoredIdentity;
