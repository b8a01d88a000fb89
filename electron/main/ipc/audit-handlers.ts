import type { AuditChannelName } from '../../../shared/ipc/audit/channel-names';
import { searchAuditTrail } from '../services/audit/audit-search';
import type { HandlersOf } from './handler-types';

/** The audit trail's channel. */
export const auditHandlers: HandlersOf<AuditChannelName> = {
  'audit.search': async (input, { runtime }) => searchAuditTrail(runtime.stores(), input),
};
