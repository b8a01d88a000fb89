import type { AdminChannelName } from '../../../../shared/ipc/admin/channel-names';
import type { Role } from '../../../../shared/ipc/permissions';
import type { FeatureSamples } from './types';

/**
 * A setting nobody has stored yet, one per role: an allowed role's first save (version null)
 * succeeds; a refused role's save would have stored it (the fingerprint would show it).
 */
const UNSTORED_SETTING: Record<Role, string> = {
  patient: 'clinicPhone',
  doctor: 'clinicEmail',
  front_desk: 'bookingHorizonDays',
  admin: 'reminderLeadHours',
  super_admin: 'clinicAddress',
};
const SAMPLE_VALUE: Record<string, unknown> = {
  clinicPhone: '+49 30 1234567',
  clinicEmail: 'desk@clinic.example',
  bookingHorizonDays: 90,
  reminderLeadHours: 48,
  clinicAddress: 'Generated Street 1, 10115 Berlin',
};

/** Sample calls of the admin channels. */
export const ADMIN_SAMPLES: FeatureSamples<AdminChannelName> = {
  samples: {
    'admin.settings.list': { input: () => ({}) },
    'admin.settings.save': {
      input: (_f, account) => {
        const name = UNSTORED_SETTING[account.role];
        return { name, value: SAMPLE_VALUE[name], version: null };
      },
    },
  },
  async fingerprint(workstation) {
    const { models } = workstation.runtime.stores().sql;
    const settings = await models.ClinicSetting.findAll({ attributes: ['settingKey', 'settingValue', 'updatedBy'], order: [['settingKey', 'ASC']], raw: true });
    return { settings };
  },
};
