import {
  Model,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import {
  APPOINTMENT_STATUSES,
  APPOINTMENT_TYPES,
  CANCELLED_BY,
  type AppointmentStatus,
  type AppointmentType,
  type CancelledBy,
} from '../enums';
import type { Doctor } from './doctor';
import type { Patient } from './patient';
import { boolean, dateOnly, enumeration, integer, primaryKey, reference, text, timeOfDay, serverStamp, timestamp } from './columns';

/** A row of `appointments`: one visit of a patient to a doctor, at clinic wall-clock time. */
export class Appointment extends Model<InferAttributes<Appointment>, InferCreationAttributes<Appointment>> {
  declare id: CreationOptional<number>;
  declare patientId: ForeignKey<Patient['id']>;
  declare doctorId: ForeignKey<Doctor['id']>;
  /** 'YYYY-MM-DD' */
  declare appointmentDate: string;
  /** 'HH:MM:SS' ('HH:MM' is accepted on write) */
  declare appointmentTime: string;
  declare durationMinutes: CreationOptional<number>;
  declare status: CreationOptional<AppointmentStatus>;
  declare appointmentType: CreationOptional<AppointmentType>;
  declare patientNotes: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare cancelledAt: CreationOptional<Date | null>;
  declare cancelledBy: CreationOptional<CancelledBy | null>;
  /** Added by 202611250101-scheduling-additions. */
  declare cancellationReason: CreationOptional<string | null>;
  declare lateCancellation: CreationOptional<boolean>;
  /** Added by 202611250201-appointment-series: the series this visit belongs to, if any. */
  declare seriesId: CreationOptional<number | null>;
  /** Added by 202611250401-appointment-arrival: when the patient was recorded as arrived. */
  declare checkedInAt: CreationOptional<Date | null>;
  /** Added by 202612060201-visit-steps: the visit after the arrival, and whether it is a walk-in. */
  declare inRoomAt: CreationOptional<Date | null>;
  declare withDoctorAt: CreationOptional<Date | null>;
  declare checkedOutAt: CreationOptional<Date | null>;
  declare walkIn: CreationOptional<boolean>;

  declare patient?: NonAttribute<Patient>;
  declare doctor?: NonAttribute<Doctor>;
}

export function defineAppointment(sequelize: Sequelize): typeof Appointment {
  class AppointmentRow extends Appointment {} // one subclass per Sequelize instance, see definePatient
  AppointmentRow.init(
    {
      id: primaryKey(),
      patientId: reference('patientId'),
      doctorId: reference('doctorId'),
      appointmentDate: dateOnly('appointmentDate'),
      appointmentTime: timeOfDay('appointmentTime'),
      durationMinutes: integer('durationMinutes', { defaultValue: 60, min: 1 }),
      status: enumeration('status', APPOINTMENT_STATUSES, { defaultValue: 'Scheduled' }),
      appointmentType: enumeration('appointmentType', APPOINTMENT_TYPES, { defaultValue: 'Consultation' }),
      patientNotes: text({ allowNull: true }),
      createdAt: serverStamp(sequelize),
      updatedAt: serverStamp(sequelize),
      cancelledAt: timestamp(),
      cancelledBy: enumeration('cancelledBy', CANCELLED_BY, { allowNull: true }),
      cancellationReason: text({ allowNull: true }),
      lateCancellation: boolean(false),
      seriesId: reference('seriesId', { allowNull: true }),
      checkedInAt: timestamp(),
      inRoomAt: timestamp(),
      withDoctorAt: timestamp(),
      checkedOutAt: timestamp(),
      walkIn: boolean(false),
    },
    { sequelize, modelName: 'Appointment', tableName: 'appointments', underscored: true, timestamps: true },
  );
  return AppointmentRow;
}
