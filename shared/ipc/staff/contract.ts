import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import { CreateStaffInput, ResetStaffPasswordInput, SetStaffActiveInput } from '../auth-schemas';
import type { StaffAccountView } from '../types';
import type { StaffChannelName } from './channel-names';

/** The staff channels: input schema, output type, permission, audit and offline spec of each. */
export const staffContract = {
  'staff.list': channel<StaffAccountView[]>()({ input: NoInput, permission: 'staff.manage', offline: 'read' }),
  'staff.create': channel<StaffAccountView>()({
    input: CreateStaffInput,
    permission: 'staff.manage',
    offline: 'server',
    audit: { action: 'create_staff_account', resourceType: 'staff' },
  }),
  'staff.setActive': channel<StaffAccountView>()({
    input: SetStaffActiveInput,
    permission: 'staff.manage',
    offline: 'server',
    audit: { action: 'change_staff_account_status', resourceType: 'staff', resourceId: (input) => input.staffId },
  }),
  'staff.resetPassword': channel<StaffAccountView>()({
    input: ResetStaffPasswordInput,
    permission: 'staff.manage',
    offline: 'server',
    audit: { action: 'reset_staff_password', resourceType: 'staff', resourceId: (input) => input.staffId },
  }),
} as const satisfies Record<StaffChannelName, ChannelSpec>;
