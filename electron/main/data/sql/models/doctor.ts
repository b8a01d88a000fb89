import {
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Appointment } from './appointment';
import type { DoctorAvailability } from './doctor-availability';
import type { DoctorUnavailableDate } from './doctor-unavailable-date';
import { boolean, integer, money, primaryKey, text, serverStamp, varchar } from './columns';

/** A row of `doctors`. A doctor with appointments cannot be deleted: set isActive false. */
export class Doctor extends Model<InferAttributes<Doctor>, InferCreationAttributes<Doctor>> {
  declare id: CreationOptional<number>;
  declare firstName: string;
  declare lastName: string;
  declare email: string;
  declare phone: string;
  declare specialization: string;
  declare licenseNumber: string;
  declare yearsExperience: CreationOptional<number>;
  /** DECIMAL(10,2) as a string, e.g. '150.00' (exact, unlike a float). */
  declare consultationFee: CreationOptional<string | null>;
  declare bio: CreationOptional<string | null>;
  declare passwordHash: string;
  declare profileImageUrl: CreationOptional<string | null>;
  declare isActive: CreationOptional<boolean>;
  /** Minutes kept free around this doctor's appointments; null = the clinic's setting. */
  declare bufferMinutes: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare appointments?: NonAttribute<Appointment[]>;
  declare availability?: NonAttribute<DoctorAvailability[]>;
  declare unavailableDates?: NonAttribute<DoctorUnavailableDate[]>;
}

export function defineDoctor(sequelize: Sequelize): typeof Doctor {
  class DoctorRow extends Doctor {} // one subclass per Sequelize instance, see definePatient
  DoctorRow.init(
    {
      id: primaryKey(),
      firstName: varchar('firstName', 50),
      lastName: varchar('lastName', 50),
      email: varchar('email', 100, { unique: 'uq_doctors_email' }),
      phone: varchar('phone', 15),
      specialization: varchar('specialization', 100),
      licenseNumber: varchar('licenseNumber', 50, { unique: 'uq_doctors_license_number' }),
      yearsExperience: integer('yearsExperience', { defaultValue: 0, min: 0 }),
      consultationFee: money('consultationFee', { allowNull: true }),
      bio: text({ allowNull: true }),
      passwordHash: varchar('passwordHash', 255),
      profileImageUrl: varchar('profileImageUrl', 255, { allowNull: true }),
      isActive: boolean(true),
      bufferMinutes: integer('bufferMinutes', { allowNull: true, min: 0, max: 120 }),
      createdAt: serverStamp(sequelize),
      updatedAt: serverStamp(sequelize),
    },
    { sequelize, modelName: 'Doctor', tableName: 'doctors', underscored: true, timestamps: true },
  );
  return DoctorRow;
}
