import { channel, type ChannelSpec } from '../channel-spec';
import type { AdminChannelName } from './channel-names';
import { SaveSettingInput, SettingsListInput, type KnownSettingView, type SettingsPage } from './settings';

/**
 * The admin channels: input schema, output type, permission and audit spec of each. Settings
 * carry their own record of who changed them (updated_by, updated_at) and hold no patient data.
 */
export const adminContract = {
  'admin.settings.list': channel<SettingsPage>()({ input: SettingsListInput, permission: 'clinic.configure' }),
  'admin.settings.save': channel<KnownSettingView>()({ input: SaveSettingInput, permission: 'clinic.configure' }),
} as const satisfies Record<AdminChannelName, ChannelSpec>;
