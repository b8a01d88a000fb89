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
import { boolean, integer, primaryKey, reference, timeOfDay, timestamp } from './columns';

/** A row of `doctor_availability`: one weekly working window of a doctor. */
export class DoctorAvailability extends Model<
  InferAttributes<DoctorAvailability>,
  InferCreationAttributes<DoctorAvailability>
> {
  declare id: CreationOptional<number>;
  declare doctorId: ForeignKey<Doctor['id']>;
  /** 0 = Sunday … 6 = Saturday */
  declare dayOfWeek: number;
  /** 'HH:MM:SS' */
  declare startTime: string;
  /** 'HH:MM:SS' */
  declare endTime: string;
  declare isAvailable: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;

  declare doctor?: NonAttribute<Doctor>;
}

export function defineDoctorAvailability(sequelize: Sequelize): typeof DoctorAvailability {
  class DoctorAvailabilityRow extends DoctorAvailability {} // one subclass per Sequelize instance, see definePatient
  DoctorAvailabilityRow.init(
    {
      id: primaryKey(),
      doctorId: reference('doctorId'),
      dayOfWeek: integer('dayOfWeek', { min: 0, max: 6 }),
      startTime: timeOfDay('startTime'),
      endTime: timeOfDay('endTime'),
      isAvailable: boolean(true),
      createdAt: timestamp(),
    },
    // The seed's table has created_at only.
    {
      sequelize,
      modelName: 'DoctorAvailability',
      tableName: 'doctor_availability',
      underscored: true,
      timestamps: true,
      updatedAt: false,
    },
  );
  return DoctorAvailabilityRow;
}
