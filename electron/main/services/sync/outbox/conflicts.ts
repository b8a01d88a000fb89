import { randomUUID } from 'node:crypto';
import { isChannel, contract } from '../../../../../shared/ipc/contract';
import { roleMay } from '../../../../../shared/ipc/permissions';
import { AppFailure, type Result } from '../../../../../shared/ipc/result';
import type { SessionUser } from '../../../../../shared/ipc/types';
import type { ResolvedConflict, SyncConflict } from '../../../../../shared/ipc/sync/types';
import type { z } from 'zod';
import type { ResolveConflictInput } from '../../../../../shared/ipc/sync/contract';
import type { SqlStore } from '../../../data/sql/open-sql-store';
import { atAnotherSlot, bookingOf, keepMineOf, resolutionsFor, summaryInWords } from './change-kinds';
import { remapIds } from './id-remap';
import { cachedClinicSettings } from '../../scheduling/rules';
import { displayLocaleOf } from '../../../../../shared/domain/settings-registry';
import { formatClockTime, formatDayLong, type DisplayLocale } from '../../../../../shared/domain/display-format';
import type { OfflineOutbox } from './offline-outbox';
import { OutboxStore, type OutboxEntry } from '../../../data/sql/repositories/outbox-repository';

/** Runs a channel as the signed-in user, through the dispatcher: permission, audit and all. */
export type DispatchAsUser = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** Whether this user may make (and so resolve) a change on this channel. */
export const mayMake = (user: SessionUser, channel: string) => isChannel(channel) && roleMay(user.role, contract[channel].permission);

function toConflict(entry: OutboxEntry, display: DisplayLocale): SyncConflict {
  return {
    id: entry.seq,
    channel: entry.channel,
    what: summaryInWords(entry.summary, display) ?? entry.channel,
    reason: entry.conflictReason ?? '',
    code: entry.conflictCode ?? 'CONFLICT',
    madeBy: entry.actor.displayName,
    madeAt: entry.createdAt.toISOString(),
    resolutions: resolutionsFor(entry.channel),
    booking: bookingOf(entry.channel, entry.input, entry.localOutput),
  };
}

/** The conflicts of changes this user may make (a doctor does not see a setting an admin changed). */
export async function listConflicts(local: SqlStore, outbox: OfflineOutbox, user: SessionUser): Promise<SyncConflict[]> {
  const ids = await outbox.knownIds();
  const entries = await new OutboxStore(local).inState('conflict');
  // the local file's copy of the settings: the mirror holds them while the server is away
  const display = displayLocaleOf(await cachedClinicSettings(local));
  return entries
    .filter((entry) => mayMake(user, entry.channel))
    .map((entry) => toConflict({ ...entry, input: remapIds(entry.input, ids), localOutput: remapIds(entry.localOutput, ids) }, display));
}

async function mineAgain(dispatch: DispatchAsUser, entry: OutboxEntry, input: unknown): Promise<unknown> {
  const fields = { ...(input as Record<string, unknown>) };
  const keepMine = keepMineOf(entry.channel);
  const before = keepMine?.before ? await runOrThrow(dispatch, keepMine.before, {}) : undefined;
  const restated = keepMine ? keepMine.restate(fields, before) : fields;
  return runOrThrow(dispatch, entry.channel, restated);
}

async function runOrThrow(dispatch: DispatchAsUser, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.details);
  return result.data;
}

/**
 * Settles one conflict in one step, as the signed-in user: keep theirs drops my change; keep mine
 * applies it again over theirs; another slot books my appointment at the time chosen. A
 * resolution the server refuses again leaves the conflict in the list, with the new reason.
 */
export async function resolveConflict(
  local: SqlStore,
  outbox: OfflineOutbox,
  user: SessionUser,
  request: z.infer<typeof ResolveConflictInput>,
  dispatch: DispatchAsUser,
): Promise<ResolvedConflict> {
  const store = new OutboxStore(local);
  const entry = await store.get(request.conflictId);
  if (!entry || entry.state !== 'conflict' || !mayMake(user, entry.channel)) {
    throw new AppFailure('NOT_FOUND', 'That conflict is not in the list (someone may have resolved it already).');
  }
  if (!resolutionsFor(entry.channel).includes(request.resolution)) {
    throw new AppFailure('VALIDATION', `“${request.resolution}” does not apply to this change.`);
  }
  const input = remapIds(entry.input, await outbox.knownIds());
  let output: unknown;
  let summary: string;
  switch (request.resolution) {
    case 'keep-theirs':
      output = undefined;
      summary = 'Your change was dropped; the clinic server’s version stands.';
      break;
    case 'keep-mine':
      output = await mineAgain(dispatch, entry, input);
      summary = 'Your change was applied again.';
      break;
    case 'another-slot': {
      const slot = { doctorId: request.doctorId, date: request.date, time: request.time };
      output = await runOrThrow(dispatch, entry.channel, atAnotherSlot(input, slot, randomUUID()));
      // the local file's copy of the settings: the mirror holds them while the server is away
      const display = displayLocaleOf(await cachedClinicSettings(local));
      summary = `Booked for ${formatDayLong(request.date, display)} at ${formatClockTime(request.time, display)}.`;
      break;
    }
  }
  await store.markResolved(entry.seq, request.resolution, user.displayName, output);
  outbox.forgetIds();
  return { conflictId: entry.seq, resolution: request.resolution, summary, conflictsLeft: (await outbox.counts((channel) => mayMake(user, channel))).conflicts };
}
