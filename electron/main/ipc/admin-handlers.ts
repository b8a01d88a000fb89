import type { AdminChannelName } from '../../../shared/ipc/admin/channel-names';
import { listClinicSettings, saveClinicSetting } from '../services/admin/clinic-settings-admin';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per admin channel; each calls one service. */
export const adminHandlers: HandlersOf<AdminChannelName> = {
  'admin.settings.list': async (_input, { runtime }) => listClinicSettings(runtime.stores().sql),
  'admin.settings.save': async (input, ctx) => {
    const saved = await saveClinicSetting(ctx.runtime.stores().sql, signedInUser(ctx), input);
    // This workstation's own lock follows at once; the others at their next sign-in.
    if (saved.name === 'inactivityLockMinutes') ctx.session.setIdleLockMinutes(saved.value as number);
    return saved;
  },
};
