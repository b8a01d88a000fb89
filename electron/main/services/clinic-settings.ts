import type { Transaction } from 'sequelize';
import { SETTINGS, type SettingName, type SettingValue } from '../../../shared/domain/settings-registry';
import type { SqlModels } from '../data/sql/models';

/** Reads a known setting; a missing or unparsable row falls back to the registry's default. */
export async function readSetting<N extends SettingName>(models: SqlModels, name: N): Promise<SettingValue<N>> {
  const definition = SETTINGS[name];
  const row = await models.ClinicSetting.findOne({ where: { settingKey: definition.key } });
  if (!row) return definition.defaultValue as SettingValue<N>;
  const parsed = definition.schema.safeParse(row.settingValue);
  return (parsed.success ? parsed.data : definition.defaultValue) as SettingValue<N>;
}

export async function readSettingOrNull<N extends SettingName>(models: SqlModels, name: N): Promise<SettingValue<N> | null> {
  const row = await models.ClinicSetting.findOne({ where: { settingKey: SETTINGS[name].key } });
  return row ? await readSetting(models, name) : null;
}

/** Inserts a setting that must not exist yet: the unique key makes a second writer fail. */
export async function insertSetting<N extends SettingName>(
  models: SqlModels,
  name: N,
  value: SettingValue<N>,
  updatedBy: number | null,
  transaction: Transaction,
): Promise<void> {
  const definition = SETTINGS[name] as unknown as { key: string; description: string; serialize(v: SettingValue<N>): string };
  await models.ClinicSetting.create(
    {
      settingKey: definition.key,
      settingValue: definition.serialize(value),
      description: definition.description,
      updatedBy,
    },
    { transaction },
  );
}
