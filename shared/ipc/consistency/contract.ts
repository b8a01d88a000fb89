import { z } from 'zod';
import { text } from '../../domain/text';
import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import type { ConsistencyChannelName } from './channel-names';
import { INTEGRITY_KINDS, type IntegrityReport, type IntegrityRepairResult } from './types';

export const RepairInput = z
  .object({
    kind: z.enum(INTEGRITY_KINDS),
    collection: z.enum([
      'prescriptions',
      'patient_feedback',
      'communication_logs',
      'system_audit_logs',
      'message_claims',
    ]),
    documentId: text().min(1).max(24),
    repair: z.enum(['resync_copy', 'write_missing_log', 'flag_for_review']),
  })
  .strict();

/**
 * Admins see what the two stores disagree on and repair it one item at a time. Both are on the
 * audit trail: the report lists patients' ids, and a repair changes a document.
 */
export const consistencyContract = {
  // Offline 'server': the check compares the clinic server's two stores; the mirror would only compare itself.
  'dataHealth.check': channel<IntegrityReport>()({
    input: NoInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: { action: 'view_data_health', resourceType: 'data_health' },
  }),
  'dataHealth.repair': channel<IntegrityRepairResult>()({
    input: RepairInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: {
      action: 'repair_data_health',
      resourceType: 'data_health',
      resourceId: (input) => `${input.collection}/${input.documentId}`,
    },
  }),
} as const satisfies Record<ConsistencyChannelName, ChannelSpec>;
