import type { Transaction } from 'sequelize';
import { settingsFromRows, type ClinicSettings } from '../../../../shared/domain/settings-registry';
import type { SchedulingRules } from '../../../../shared/domain/scheduling';
import type { SqlModels } from '../../data/sql/models';

/** All clinic settings in one query, typed through the registry (unknown keys ignored here). */
export async function loadClinicSettings(models: SqlModels, transaction?: Transaction): Promise<ClinicSettings> {
  const rows = await models.ClinicSetting.findAll({ attributes: ['settingKey', 'settingValue'], raw: true, transaction });
  return settingsFromRows(rows);
}

export function schedulingRules(settings: ClinicSettings): SchedulingRules {
  return {
    timezone: settings.timezone,
    slotStepMinutes: settings.slotStepMinutes,
    minimumNoticeMinutes: settings.minimumNoticeMinutes,
    bookingHorizonDays: settings.bookingHorizonDays,
    bufferMinutes: settings.bufferMinutes,
    openingHours: settings.openingHours,
  };
}
