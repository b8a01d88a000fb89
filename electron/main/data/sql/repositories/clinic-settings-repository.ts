import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { leanSelect } from '../lean-statements';
import type { SqlStore } from '../open-sql-store';

/** How the clinic is reached, as printed on its documents; a blank setting is null. */
export interface ClinicContact {
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** Reads of clinic_settings beyond the scheduling settings (which `loadClinicSettings` reads). */
export interface ClinicSettingsRepository {
  contact(): Promise<ClinicContact>;
}

export function clinicSettingsRepository(sql: SqlStore): ClinicSettingsRepository {
  return {
    async contact() {
      const rows = await sql.sequelize.query<{ setting_key: string; setting_value: string }>(
        "SELECT setting_key, setting_value FROM clinic_settings WHERE setting_key IN ('clinic_address', 'clinic_phone', 'clinic_email')",
        { type: QueryTypes.SELECT },
      );
      const value = (key: string) => rows.find((row) => row.setting_key === key)?.setting_value.trim() || null;
      return { address: value('clinic_address'), phone: value('clinic_phone'), email: value('clinic_email') };
    },
  };
}

/**
 * Every clinic setting as stored, in one statement. Plain SQL, not the model: on SQLite,
 * Sequelize precedes every model SELECT with a hidden PRAGMA table_info round trip, and this
 * runs before every booking. The lean way (`lean-statements.ts`): Sequelize's statement pipeline
 * cost three times what the driver did for it. A read: the reference cache still sees every write.
 */
export function allSettingRows(sequelize: Sequelize, transaction?: Transaction): Promise<{ settingKey: string; settingValue: string }[]> {
  return leanSelect<{ settingKey: string; settingValue: string }>(sequelize, 'SELECT setting_key AS settingKey, setting_value AS settingValue FROM clinic_settings', [], transaction);
}
