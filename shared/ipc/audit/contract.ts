import { channel, type ChannelSpec } from '../channel-spec';
import { AuditExportInput, AuditPeopleInput, AuditSearchInput, RecordAccessInput } from '../auth-schemas';
import type { AuditEntryView, AuditExport, AuditPage, AuditPerson } from '../types';
import type { AuditChannelName } from './channel-names';

/** The audit channels: input schema, output type, permission, audit and offline spec of each. */
export const auditContract = {
  'audit.search': channel<AuditPage>()({
    input: AuditSearchInput,
    permission: 'audit.read',
    offline: 'server',
    // Reading the trail is itself recorded: it shows who looked at whose records.
    audit: {
      action: 'search_audit_trail',
      resourceType: 'audit',
      resourceId: () => null,
      patientId: (input) => input.patientId ?? null,
    },
  }),
  'audit.export': channel<AuditExport>()({
    input: AuditExportInput,
    permission: 'audit.read',
    offline: 'server',
    audit: { action: 'export_audit_trail', resourceType: 'audit', resourceId: () => null, patientId: (input) => input.patientId ?? null },
  }),
  // Names people to filter by (from the mirror when offline): on record as a lookup, the people listed not named in it.
  'audit.people': channel<AuditPerson[]>()({
    input: AuditPeopleInput,
    permission: 'audit.read',
    offline: 'read',
    audit: { action: 'look_up_people_for_audit', resourceType: 'audit', resourceId: () => null, patientId: () => null },
  }),
  'audit.recordAccess': channel<AuditEntryView[]>()({
    input: RecordAccessInput,
    permission: 'audit.patient',
    offline: 'server',
    audit: { action: 'view_record_access', resourceType: 'audit', resourceId: (input) => input.patientId, patientId: (input) => input.patientId },
  }),
} as const satisfies Record<AuditChannelName, ChannelSpec>;
