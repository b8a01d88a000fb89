import { Utils, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';

/**
 * Models whose created_at/updated_at the database stamps (`serverStamp` in models/columns.ts)
 * write `CURRENT_TIMESTAMP` rather than a value, so after a save the instance holds that SQL
 * expression instead of an instant. The screens show the stamp and the settings use it as a
 * version, so the stored instants are read back, by primary key, in the writing transaction.
 */

type Instance = Model & { _previousDataValues: Record<string, unknown> };

/** Attributes of this instance that hold an SQL expression written by the database. */
function pendingStamps(instance: Model): string[] {
  return Object.entries(instance.dataValues as Record<string, unknown>)
    .filter(([, value]) => value instanceof Utils.SequelizeMethod)
    .map(([attribute]) => attribute);
}

async function readBack(instances: readonly Model[], transaction: Transaction | null | undefined): Promise<void> {
  const waiting = instances.filter((instance) => pendingStamps(instance).length > 0);
  const first = waiting[0];
  if (!first) return;
  const model = first.constructor as ModelStatic<Model>;
  const key = model.primaryKeyAttribute;
  const attributes = [...new Set(waiting.flatMap(pendingStamps))];
  const ids = waiting.map((instance) => instance.get(key) as unknown);
  if (ids.some((id) => id === null || id === undefined)) return;
  const stored = await model.findAll({ where: { [key]: ids }, attributes: [key, ...attributes], transaction: transaction ?? null });
  const byId = new Map(stored.map((row) => [String(row.get(key)), row]));
  for (const instance of waiting as Instance[]) {
    const row = byId.get(String(instance.get(key)));
    for (const attribute of pendingStamps(instance)) {
      const value = row ? row.get(attribute) : null;
      instance.dataValues[attribute] = value;
      instance._previousDataValues[attribute] = value;
    }
  }
}

export function readBackServerStamps(sequelize: Sequelize): void {
  sequelize.addHook('afterSave', async (instance, options) => readBack([instance], options.transaction));
  sequelize.addHook('afterBulkCreate', async (instances, options) => readBack(instances, options.transaction));
}
