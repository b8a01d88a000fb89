import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** An audit record waiting in the local store until the document store takes it; seq keeps the order. */
export class AuditOutbox extends Model<InferAttributes<AuditOutbox>, InferCreationAttributes<AuditOutbox>> {
  declare seq: CreationOptional<number>;
  declare eventId: string;
  /** The audit document as JSON. */
  declare body: string;
  declare attempts: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
}

export function defineAuditOutbox(sequelize: Sequelize): typeof AuditOutbox {
  class AuditOutboxRow extends AuditOutbox {} // one subclass per Sequelize instance, see definePatient
  AuditOutboxRow.init(
    {
      seq: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      eventId: { type: DataTypes.CHAR(36), allowNull: false, unique: true },
      body: { type: DataTypes.TEXT('medium'), allowNull: false },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: { type: DataTypes.DATE },
    },
    { sequelize, modelName: 'AuditOutbox', tableName: 'audit_outbox', underscored: true, timestamps: true, updatedAt: false },
  );
  return AuditOutboxRow;
}
