import type { Transaction } from 'sequelize';
import { SETTINGS, type SettingDefinition, type SettingName, type SettingValue } from '../../../shared/domain/settings-registry';
import type { SqlModels } from '../data/sql/models';

/** A known setting as stored, or null when the clinic has never set it. */
export async function readSettingOrNull<N extends SettingName>(models: SqlModels, name: N): Promise<SettingValue<N> | null> {
  const definition = SETTINGS[name] as unknown as SettingDefinition<SettingValue<N>>;
  const row = await models.ClinicSetting.findOne({ where: { settingKey: definition.key }, attributes: ['settingValue'] });
  if (!row) return null;
  try {
    return definition.parse(row.settingValue);
  } catch {
    return definition.defaultValue;
  }
}

/** Inserts a setting that must not exist yet: the unique key makes a second writer fail. */
export async function insertSetting<N extends SettingName>(
  models: SqlModels,
  name: N,
  value: SettingValue<N>,
  updatedBy: number | null,
  transaction: Transaction,
): Promise<void> {
  const definition = SETTINGS[name] as unknown as SettingDefinition<SettingValue<N>>;
  await models.ClinicSetting.create(
    { settingKey: definition.key, settingValue: definition.serialize(value), description: definition.description, updatedBy },
    { transaction },
  );
}
