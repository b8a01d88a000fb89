import type { SystemAuditLogInput } from '../../../../shared/documents';
import type { AuditSpec } from '../../../../shared/ipc/contract';
import type { SessionUser } from '../../../../shared/ipc/types';
import { isStorableText } from '../../../../shared/domain/text';

/** One read or change of protected information, as the dispatcher sees it. */
export interface AuditEvent {
  user: SessionUser | null;
  sessionId: string | null;
  workstation: string;
  channel: string;
  action: string;
  resourceType: string;
  resourceId: number | string | null;
  patientId: number | null;
  /** 'denied' records an attempt the permission check or a record-level rule refused. */
  outcome: 'allowed' | 'denied';
}

/** Where the workstation's side of every record comes from (no patient data). */
export interface WorkstationIdentity {
  ipAddress: string | null;
  userAgent: string;
}

export interface AuditRecorder {
  record(event: AuditEvent): Promise<void>;
}

const positiveId = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/** The longest resource id a system_audit_logs document holds. */
const MAX_RESOURCE_ID_LENGTH = 100;

/**
 * A name typed by the caller (a backup's file name) can be blank or long; the record of the call
 * must be written whatever it is, so it keeps what fits and drops what cannot be stored.
 */
function recordableResourceId(value: unknown): number | string | null {
  if (typeof value !== 'string') return positiveId(value);
  const trimmed = value.trim().slice(0, MAX_RESOURCE_ID_LENGTH);
  return trimmed && isStorableText(trimmed) ? trimmed : null;
}

/** The record a call is about: the spec's choice, else the output's id, else the input's appointment or patient. */
export function auditedResource(spec: AuditSpec, input: unknown, output: unknown): { resourceId: number | string | null; patientId: number | null } {
  try {
    return pickResource(spec, input, output);
  } catch {
    // A refused call's payload may be any shape: the attempt is recorded without its record.
    return { resourceId: null, patientId: null };
  }
}

function pickResource(spec: AuditSpec, input: unknown, output: unknown): { resourceId: number | string | null; patientId: number | null } {
  const resourceId = recordableResourceId(spec.resourceId
    ? spec.resourceId(input, output)
    : (positiveId(field(output, 'id')) ?? positiveId(field(input, 'appointmentId')) ?? positiveId(field(input, 'patientId'))));
  const patientId = spec.patientId
    ? positiveId(spec.patientId(input, output))
    : (positiveId(field(output, 'patientId')) ?? positiveId(field(input, 'patientId')) ?? (spec.resourceType === 'patient' ? positiveId(resourceId) : null));
  return { resourceId, patientId };
}

/** The seed's system_audit_logs document for an event (geolocation only when really known: never here). */
export function auditDocument(event: AuditEvent, identity: WorkstationIdentity, eventId: string, timestamp: Date): SystemAuditLogInput {
  return {
    eventId,
    timestamp,
    ...(event.user ? { userId: event.user.id } : {}),
    userType: event.user?.role ?? 'system',
    action: event.action,
    resourceType: event.resourceType,
    ...(event.resourceId === null ? {} : { resourceId: event.resourceId }),
    ...(event.patientId === null ? {} : { patientId: event.patientId }),
    workstation: event.workstation,
    ...(identity.ipAddress ? { ipAddress: identity.ipAddress } : {}),
    userAgent: identity.userAgent,
    ...(event.sessionId ? { sessionId: event.sessionId } : {}),
    details: { recordsAccessed: [event.resourceType], outcome: event.outcome, channel: event.channel },
    complianceFlags: {
      hipaaCompliant: true,
      auditRequired: true,
      sensitiveDataAccessed: event.outcome === 'allowed' && event.patientId !== null,
    },
  };
}
