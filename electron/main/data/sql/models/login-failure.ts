import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** Failed sign-ins of one account ("staff:12", "doctor:3"), shared by every workstation. */
export class LoginFailure extends Model<InferAttributes<LoginFailure>, InferCreationAttributes<LoginFailure>> {
  declare accountKey: string;
  declare failedCount: CreationOptional<number>;
  declare lastFailedAt: CreationOptional<Date | null>;
  declare lockedUntil: CreationOptional<Date | null>;
}

export function defineLoginFailure(sequelize: Sequelize): typeof LoginFailure {
  class LoginFailureRow extends LoginFailure {} // one subclass per Sequelize instance, see definePatient
  LoginFailureRow.init(
    {
      accountKey: { type: DataTypes.STRING(120), primaryKey: true, allowNull: false },
      failedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastFailedAt: { type: DataTypes.DATE, allowNull: true },
      lockedUntil: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, modelName: 'LoginFailure', tableName: 'login_failures', underscored: true, timestamps: false },
  );
  return LoginFailureRow;
}
