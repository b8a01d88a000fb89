import {
  Model,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Admin } from './admin';
import { primaryKey, reference, text, serverStamp, varchar } from './columns';

/** A row of `clinic_settings`: one key/value setting, with the admin who last changed it. */
export class ClinicSetting extends Model<InferAttributes<ClinicSetting>, InferCreationAttributes<ClinicSetting>> {
  declare id: CreationOptional<number>;
  declare settingKey: string;
  declare settingValue: string;
  declare description: CreationOptional<string | null>;
  /** Null when set by the system or when that admin was deleted (ON DELETE SET NULL). */
  declare updatedBy: ForeignKey<Admin['id'] | null>;
  declare updatedAt: CreationOptional<Date>;

  declare updater?: NonAttribute<Admin | null>;
}

export function defineClinicSetting(sequelize: Sequelize): typeof ClinicSetting {
  class ClinicSettingRow extends ClinicSetting {} // one subclass per Sequelize instance, see definePatient
  ClinicSettingRow.init(
    {
      id: primaryKey(),
      settingKey: varchar('settingKey', 100, { unique: 'uq_clinic_settings_setting_key' }),
      settingValue: text(),
      description: text({ allowNull: true }),
      updatedBy: reference('updatedBy', { allowNull: true }),
      updatedAt: serverStamp(sequelize),
    },
    // The seed's table has updated_at only.
    {
      sequelize,
      modelName: 'ClinicSetting',
      tableName: 'clinic_settings',
      underscored: true,
      timestamps: true,
      createdAt: false,
    },
  );
  return ClinicSettingRow;
}
