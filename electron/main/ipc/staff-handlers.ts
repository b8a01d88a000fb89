import type { StaffChannelName } from '../../../shared/ipc/staff/channel-names';
import { createStaff, listStaff, resetStaffPassword, setStaffActive } from '../services/staff-accounts';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per staff-account channel; each calls one service. */
export const staffHandlers: HandlersOf<StaffChannelName> = {
  'staff.list': async (_input, { runtime }) => listStaff(runtime.stores().sql),
  'staff.create': async (input, { runtime }) => createStaff(runtime.stores().sql, input, runtime.passwordCost),
  'staff.setActive': async (input, ctx) =>
    setStaffActive(ctx.runtime.stores().sql, signedInUser(ctx), input.staffId, input.active),
  'staff.resetPassword': async (input, { runtime }) =>
    resetStaffPassword(runtime.stores().sql, input.staffId, input.newPassword, runtime.passwordCost),
};
