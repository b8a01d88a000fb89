import { channel, type ChannelSpec } from '../channel-spec';
import { AuditSearchInput } from '../auth-schemas';
import type { AuditPage } from '../types';
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
} as const satisfies Record<AuditChannelName, ChannelSpec>;
