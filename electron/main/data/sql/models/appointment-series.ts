import { Model, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { DataTypes } from 'sequelize';
import type { Doctor } from './doctor';
import type { Patient } from './patient';
import { dateOnly, integer, primaryKey, reference, timeOfDay, timestamp } from './columns';

/**
 * A row of `appointment_series` (202611250201-appointment-series): the repeat rule of recurring
 * visits. The visits themselves are appointments whose seriesId points here.
 */
export class AppointmentSeries extends Model<InferAttributes<AppointmentSeries>, InferCreationAttributes<AppointmentSeries>> {
  declare id: CreationOptional<number>;
  declare patientId: ForeignKey<Patient['id']>;
  declare doctorId: ForeignKey<Doctor['id']>;
  /** The first visit as asked for: 'YYYY-MM-DD' and 'HH:MM:SS'. */
  declare firstDate: string;
  declare startTime: string;
  declare durationMinutes: number;
  declare intervalWeeks: number;
  /** Exactly one of occurrenceCount and untilDate is set. */
  declare occurrenceCount: CreationOptional<number | null>;
  declare untilDate: CreationOptional<string | null>;
  declare idempotencyKey: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
}

export function defineAppointmentSeries(sequelize: Sequelize): typeof AppointmentSeries {
  class AppointmentSeriesRow extends AppointmentSeries {} // one subclass per Sequelize instance, see definePatient
  AppointmentSeriesRow.init(
    {
      id: primaryKey(),
      patientId: reference('patientId'),
      doctorId: reference('doctorId'),
      firstDate: dateOnly('firstDate'),
      startTime: timeOfDay('startTime'),
      durationMinutes: integer('durationMinutes', { min: 1 }),
      intervalWeeks: integer('intervalWeeks', { min: 1, max: 12 }),
      occurrenceCount: integer('occurrenceCount', { allowNull: true, min: 2, max: 52 }),
      untilDate: dateOnly('untilDate', { allowNull: true }),
      idempotencyKey: { type: DataTypes.STRING(64), allowNull: true, unique: 'uq_appointment_series_idempotency_key' },
      createdAt: timestamp(),
    },
    { sequelize, modelName: 'AppointmentSeries', tableName: 'appointment_series', underscored: true, timestamps: true, updatedAt: false },
  );
  return AppointmentSeriesRow;
}
