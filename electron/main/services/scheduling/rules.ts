import type { Transaction } from 'sequelize';
import { settingsFromRows, type ClinicSettings } from '../../../../shared/domain/settings-registry';
import type { SchedulingRules } from '../../../../shared/domain/scheduling';
import type { SqlModels } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { allSettingRows } from '../../data/sql/repositories/clinic-settings-repository';
import { referenceCacheOf } from '../cache/reference-cache';

/**
 * The settings parsed last time, by their stored text: every booking and calendar read loads the
 * settings (another workstation may have changed them), but parsing them again (zod, time-zone
 * lookups) only when the text changed.
 */
let lastParsed: { text: string; settings: ClinicSettings } | null = null;

/** All clinic settings in one statement, typed through the registry (unknown keys ignored here). */
export async function loadClinicSettings(models: SqlModels, transaction?: Transaction): Promise<ClinicSettings> {
  const sequelize = models.ClinicSetting.sequelize;
  if (!sequelize) throw new Error('The ClinicSetting model is not attached to a database.');
  const rows = await allSettingRows(sequelize, transaction);
  const text = rows.map((r) => `${r.settingKey}\u0000${r.settingValue}`).sort().join('\u0001');
  // Frozen (top level): one object serves every caller, so a change by one would reach all.
  if (lastParsed?.text !== text) lastParsed = { text, settings: Object.freeze(settingsFromRows(rows)) };
  return lastParsed.settings;
}

/**
 * The settings for reads outside any transaction (calendars, slot lists): from the store's
 * reference cache, read through on a miss. Bookings and other writes call `loadClinicSettings`,
 * which always reads the committed rows.
 */
export function cachedClinicSettings(sql: Pick<SqlStore, 'sequelize' | 'models'>): Promise<ClinicSettings> {
  return referenceCacheOf(sql.sequelize).read('settings', () => loadClinicSettings(sql.models));
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
