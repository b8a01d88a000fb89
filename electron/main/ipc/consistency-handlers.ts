import type { ConsistencyChannelName } from '../../../shared/ipc/consistency/channel-names';
import { runIntegrityCheck } from '../services/consistency/integrity-check';
import { repairIntegrityItem } from '../services/consistency/integrity-repair';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per data health channel; each calls one service. */
export const consistencyHandlers: HandlersOf<ConsistencyChannelName> = {
  'dataHealth.check': async (_input, { runtime }) => {
    const { sql, documents } = runtime.stores();
    return runIntegrityCheck({ sql, documents });
  },
  'dataHealth.repair': async (input, ctx) => {
    const { sql, documents } = ctx.runtime.stores();
    return repairIntegrityItem(sql, documents, input, signedInUser(ctx).id);
  },
};
