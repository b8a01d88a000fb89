import {
  Model,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { Doctor } from './doctor';
import { dateOnly, primaryKey, reference, timeOfDay, timestamp, varchar } from './columns';

/** A row of `doctor_unavailable_dates`: a day (start/end null) or part of a day a doctor is away. */
export class DoctorUnavailableDate extends Model<
  InferAttributes<DoctorUnavailableDate>,
  InferCreationAttributes<DoctorUnavailableDate>
> {
  declare id: CreationOptional<number>;
  declare doctorId: ForeignKey<Doctor['id']>;
  /** 'YYYY-MM-DD' */
  declare unavailableDate: string;
  /** 'HH:MM:SS', or null with endTime null for the whole day */
  declare startTime: CreationOptional<string | null>;
  declare endTime: CreationOptional<string | null>;
  declare reason: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;

  declare doctor?: NonAttribute<Doctor>;
}

export function defineDoctorUnavailableDate(sequelize: Sequelize): typeof DoctorUnavailableDate {
  class DoctorUnavailableDateRow extends DoctorUnavailableDate {} // one subclass per Sequelize instance, see definePatient
  DoctorUnavailableDateRow.init(
    {
      id: primaryKey(),
      doctorId: reference('doctorId'),
      unavailableDate: dateOnly('unavailableDate'),
      startTime: timeOfDay('startTime', { allowNull: true }),
      endTime: timeOfDay('endTime', { allowNull: true }),
      reason: varchar('reason', 255, { allowNull: true }),
      createdAt: timestamp(),
    },
    // The seed's table has created_at only.
    {
      sequelize,
      modelName: 'DoctorUnavailableDate',
      tableName: 'doctor_unavailable_dates',
      underscored: true,
      timestamps: true,
      updatedAt: false,
    },
  );
  return DoctorUnavailableDateRow;
}
