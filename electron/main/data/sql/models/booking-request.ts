import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { DataTypes } from 'sequelize';
import { reference, timestamp } from './columns';

/** A booking's idempotency key: the same key twice returns the first booking instead of a second one. */
export class BookingRequest extends Model<InferAttributes<BookingRequest>, InferCreationAttributes<BookingRequest>> {
  declare idempotencyKey: string;
  declare appointmentId: number;
  declare createdAt: CreationOptional<Date>;
}

export function defineBookingRequest(sequelize: Sequelize): typeof BookingRequest {
  class BookingRequestRow extends BookingRequest {} // one subclass per Sequelize instance, see definePatient
  BookingRequestRow.init(
    {
      idempotencyKey: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      appointmentId: reference('appointmentId'),
      createdAt: timestamp(),
    },
    { sequelize, modelName: 'BookingRequest', tableName: 'booking_requests', underscored: true, timestamps: true, updatedAt: false },
  );
  return BookingRequestRow;
}
