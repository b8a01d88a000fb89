import type { AuditChannelName } from '../../../shared/ipc/audit/channel-names';
import { exportAuditTrail, lookUpAuditPeople, recordAccess, searchAuditTrail } from '../services/audit/audit-search';
import type { HandlersOf } from './handler-types';

/** The audit trail's channels. */
export const auditHandlers: HandlersOf<AuditChannelName> = {
  'audit.search': async (input, { runtime }) => searchAuditTrail(runtime.stores(), input),
  'audit.export': async (input, { runtime, clock }) => exportAuditTrail(runtime.stores(), input, clock),
  'audit.people': async (input, { runtime }) => lookUpAuditPeople(runtime.stores().sql, input),
  'audit.recordAccess': async (input, { runtime }) => recordAccess(runtime.stores(), input.patientId),
};
