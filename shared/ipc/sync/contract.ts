import { z } from 'zod';
import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import { DateText, TimeText } from '../scheduling-schemas';
import type { SyncChannelName } from './channel-names';
import type { ResolvedConflict, SyncConflict, SyncStatus } from './types';

const ConflictId = z.number().int().positive();

export const ResolveConflictInput = z.discriminatedUnion('resolution', [
  z.object({ conflictId: ConflictId, resolution: z.literal('keep-theirs') }).strict(),
  z.object({ conflictId: ConflictId, resolution: z.literal('keep-mine') }).strict(),
  z
    .object({
      conflictId: ConflictId,
      resolution: z.literal('another-slot'),
      doctorId: z.number().int().positive(),
      date: DateText,
      time: TimeText,
    })
    .strict(),
]);

export const syncContract = {
  'sync.status': channel<SyncStatus>()({ input: NoInput, permission: 'session.own', offline: 'anywhere' }),
  // Staff see the conflicts of changes they may make; resolving one runs that change's own channel as them.
  'sync.conflicts.list': channel<SyncConflict[]>()({ input: NoInput, permission: 'clinic.read', offline: 'anywhere' }),
  'sync.conflicts.resolve': channel<ResolvedConflict>()({
    input: ResolveConflictInput,
    permission: 'clinic.read',
    offline: 'server',
  }),
} as const satisfies Record<SyncChannelName, ChannelSpec>;
