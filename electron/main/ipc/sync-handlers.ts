import type { SyncChannelName } from '../../../shared/ipc/sync/channel-names';
import { AppFailure } from '../../../shared/ipc/result';
import { syncStatus } from '../services/sync/sync-status';
import { listConflicts, resolveConflict, type DispatchAsUser } from '../services/sync/outbox/conflicts';
import type { HandlerContext, HandlersOf } from './handler-types';
import { signedInUser } from './handler-types';

function outboxOf(ctx: HandlerContext) {
  const local = ctx.runtime.localStore();
  if (!ctx.sync.outbox || !local) throw new AppFailure('NOT_FOUND', 'This workstation has no outbox: it works on its own file.');
  return { outbox: ctx.sync.outbox, local };
}

export const syncHandlers: HandlersOf<SyncChannelName> = {
  'sync.status': async (_input, { runtime, sync, session }) => syncStatus(runtime, sync, session.user),
  'sync.conflicts.list': async (_input, ctx) => {
    if (!ctx.sync.outbox) return [];
    const { outbox, local } = outboxOf(ctx);
    return listConflicts(local, outbox, signedInUser(ctx));
  },
  'sync.conflicts.resolve': async (input, ctx) => {
    const { outbox, local } = outboxOf(ctx);
    if (!ctx.dispatch) throw new AppFailure('INTERNAL', 'The dispatcher is not ready.');
    return resolveConflict(local, outbox, signedInUser(ctx), input, ctx.dispatch as DispatchAsUser);
  },
};
