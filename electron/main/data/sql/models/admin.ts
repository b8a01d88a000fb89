import {
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { ClinicSetting } from './clinic-setting';
import { boolean, integer, primaryKey, timestamp, varchar } from './columns';

/** A row of `admin` (staff accounts). roleLevel: 0 = Front desk (added), 1 = Admin, 2 = Super Admin. */
export class Admin extends Model<InferAttributes<Admin>, InferCreationAttributes<Admin>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare email: string;
  declare firstName: string;
  declare lastName: string;
  declare passwordHash: string;
  declare roleLevel: CreationOptional<number>;
  declare lastLogin: CreationOptional<Date | null>;
  declare isActive: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;

  declare settingsUpdated?: NonAttribute<ClinicSetting[]>;
}

export function defineAdmin(sequelize: Sequelize): typeof Admin {
  class AdminRow extends Admin {} // one subclass per Sequelize instance, see definePatient
  AdminRow.init(
    {
      id: primaryKey(),
      username: varchar('username', 50, { unique: 'uq_admin_username' }),
      email: varchar('email', 100, { unique: 'uq_admin_email' }),
      firstName: varchar('firstName', 50),
      lastName: varchar('lastName', 50),
      passwordHash: varchar('passwordHash', 255),
      roleLevel: integer('roleLevel', { defaultValue: 1, min: 0, max: 2 }),
      lastLogin: timestamp(),
      isActive: boolean(true),
      createdAt: timestamp(),
    },
    // The seed's admin table has created_at but no updated_at.
    { sequelize, modelName: 'Admin', tableName: 'admin', underscored: true, timestamps: true, updatedAt: false },
  );
  return AdminRow;
}
