import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { serverStamp } from './columns';

export const CLAIM_STATES = ['sending', 'retry', 'sent', 'failed', 'not_sent', 'void'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

/**
 * A row of `message_claims` (migration 202611250901): the one workstation that inserted it sends
 * the message. `void`: nothing to send after all (the appointment moved or was cancelled before
 * its reminder went, or it predates the notices).
 */
export class MessageClaim extends Model<InferAttributes<MessageClaim>, InferCreationAttributes<MessageClaim>> {
  declare id: CreationOptional<number>;
  declare claimKey: string;
  declare appointmentId: number | null;
  declare kind: string;
  declare method: 'email' | 'sms';
  declare appointmentState: string;
  declare state: ClaimState;
  declare attempts: CreationOptional<number>;
  /** Epoch minutes of the job's clock. */
  declare nextAttemptMin: CreationOptional<number | null>;
  declare leaseUntilMin: CreationOptional<number | null>;
  declare claimedBy: CreationOptional<string | null>;
  declare lastError: CreationOptional<string | null>;
  declare messageId: CreationOptional<string | null>;
  declare logId: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** BIGINT comes back as a string from mysql2; epoch minutes fit a JS number easily. */
const bigintAsNumber = (name: 'nextAttemptMin' | 'leaseUntilMin') => ({
  type: DataTypes.BIGINT,
  allowNull: true,
  get(this: MessageClaim): number | null {
    const raw = this.getDataValue(name) as unknown;
    return raw === null || raw === undefined ? null : Number(raw);
  },
});

const cache = new WeakMap<Sequelize, typeof MessageClaim>();

/** The model on this connection (defined once per Sequelize instance; not part of the seed's model set). */
export function messageClaims(sequelize: Sequelize): typeof MessageClaim {
  const known = cache.get(sequelize);
  if (known) return known;
  class MessageClaimRow extends MessageClaim {}
  MessageClaimRow.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      claimKey: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      appointmentId: { type: DataTypes.INTEGER, allowNull: true },
      kind: { type: DataTypes.STRING(40), allowNull: false },
      method: { type: DataTypes.STRING(10), allowNull: false },
      appointmentState: { type: DataTypes.STRING(100), allowNull: false },
      state: { type: DataTypes.STRING(12), allowNull: false },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      nextAttemptMin: bigintAsNumber('nextAttemptMin'),
      leaseUntilMin: bigintAsNumber('leaseUntilMin'),
      claimedBy: { type: DataTypes.STRING(100), allowNull: true },
      lastError: { type: DataTypes.TEXT, allowNull: true },
      messageId: { type: DataTypes.STRING(500), allowNull: true },
      logId: { type: DataTypes.STRING(24), allowNull: true },
      // Stamped by the database: a claim's updated_at is read on other workstations (the integrity check).
      createdAt: serverStamp(sequelize),
      updatedAt: serverStamp(sequelize),
    },
    { sequelize, modelName: 'MessageClaim', tableName: 'message_claims', underscored: true, timestamps: true },
  );
  cache.set(sequelize, MessageClaimRow);
  return MessageClaimRow;
}
