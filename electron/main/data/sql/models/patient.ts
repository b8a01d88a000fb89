import {
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { GENDERS, type Gender } from '../enums';
import type { Appointment } from './appointment';
import { boolean, dateOnly, enumeration, primaryKey, text, serverStamp, varchar } from './columns';

/** A row of `patients`. Email is the patient's sign-in name; isActive false is a soft delete. */
export class Patient extends Model<InferAttributes<Patient>, InferCreationAttributes<Patient>> {
  declare id: CreationOptional<number>;
  declare firstName: string;
  declare lastName: string;
  declare email: string;
  declare phone: string;
  /** 'YYYY-MM-DD' */
  declare dateOfBirth: string;
  declare gender: Gender;
  declare address: CreationOptional<string | null>;
  declare emergencyContactName: CreationOptional<string | null>;
  declare emergencyContactPhone: CreationOptional<string | null>;
  declare passwordHash: string;
  /** JSON of shared/domain/allergies (NULL: never asked). */
  declare allergies: CreationOptional<string | null>;
  declare isActive: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare appointments?: NonAttribute<Appointment[]>;
}

export function definePatient(sequelize: Sequelize): typeof Patient {
  // A fresh subclass per Sequelize instance: init() binds a class to one instance, and one
  // process may hold several stores (tests, reconnecting after a failure).
  class PatientRow extends Patient {}
  PatientRow.init(
    {
      id: primaryKey(),
      firstName: varchar('firstName', 50),
      lastName: varchar('lastName', 50),
      email: varchar('email', 100, { unique: 'uq_patients_email' }),
      phone: varchar('phone', 15),
      dateOfBirth: dateOnly('dateOfBirth'),
      gender: enumeration('gender', GENDERS),
      address: text({ allowNull: true }),
      emergencyContactName: varchar('emergencyContactName', 100, { allowNull: true }),
      emergencyContactPhone: varchar('emergencyContactPhone', 15, { allowNull: true }),
      passwordHash: varchar('passwordHash', 255),
      allergies: text({ allowNull: true }),
      isActive: boolean(true),
      createdAt: serverStamp(sequelize),
      updatedAt: serverStamp(sequelize),
    },
    { sequelize, modelName: 'Patient', tableName: 'patients', underscored: true, timestamps: true },
  );
  return PatientRow;
}
