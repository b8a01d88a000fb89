import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** `local_secrets` of a workstation's own file: values sealed by the caller, by key. */
export interface LocalSecretRepository {
  sealed(key: string): Promise<string | null>;
  /** Replaces the value; null removes it. */
  replace(key: string, sealed: string | null, updatedAt: Date): Promise<void>;
}

export function localSecretRepository(local: SqlStore): LocalSecretRepository {
  const { sequelize } = local;
  return {
    async sealed(key) {
      const [row] = await sequelize.query<{ sealed: string }>('SELECT sealed FROM local_secrets WHERE secret_key = :key', {
        replacements: { key },
        type: QueryTypes.SELECT,
      });
      return row?.sealed ?? null;
    },

    async replace(key, sealed, updatedAt) {
      await sequelize.query('DELETE FROM local_secrets WHERE secret_key = :key', { replacements: { key } });
      if (sealed === null) return;
      await sequelize.query('INSERT INTO local_secrets (secret_key, sealed, updated_at) VALUES (:key, :sealed, :now)', {
        replacements: { key, sealed, now: updatedAt },
      });
    },
  };
}
