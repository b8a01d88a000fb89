import { DataTypes, Model, Op, QueryTypes, UniqueConstraintError, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/**
 * The statements of the copy sync (migration 202612060101): the people whose names documents
 * copy, read by (updated_at, id); the shared cursor of the scheduled pass; and the claims that
 * make each change applied by exactly one workstation.
 */

export type CopiedEntity = 'patient' | 'doctor';

export interface PersonRow {
  id: number;
  firstName: string;
  lastName: string;
  /** updated_at in epoch ms, read from the row (never the workstation's clock). */
  updatedAtMs: number;
}

export interface CopyCursor {
  ms: number;
  id: number;
}

const TABLE: Record<CopiedEntity, string> = { patient: 'patients', doctor: 'doctors' };

const SQLITE_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?: ?([+-]\d{2}:\d{2}))?$/;

/** mysql2 hands back a Date; SQLite text, in UTC, with or without a zone. */
function epochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  const match = SQLITE_DATETIME.exec(text);
  return match ? new Date(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`).getTime() : new Date(text).getTime();
}

interface RawPerson {
  id: number | string;
  first_name: string;
  last_name: string;
  updated_at: unknown;
}

const toPerson = (row: RawPerson): PersonRow => ({
  id: Number(row.id),
  firstName: row.first_name,
  lastName: row.last_name,
  updatedAtMs: epochMs(row.updated_at),
});

export class CopySyncStore {
  constructor(private readonly sql: SqlStore) {}

  /** People stamped after the cursor, in (updated_at, id) order. */
  async changedSince(entity: CopiedEntity, after: CopyCursor, limit: number): Promise<PersonRow[]> {
    const at = new Date(after.ms);
    const rows = await this.sql.sequelize.query<RawPerson>(
      `SELECT id, first_name, last_name, updated_at FROM ${TABLE[entity]}
       WHERE updated_at > :at OR (updated_at = :at AND id > :id)
       ORDER BY updated_at, id LIMIT :limit`,
      { type: QueryTypes.SELECT, replacements: { at, id: after.id, limit } },
    );
    return rows.map(toPerson);
  }

  async people(entity: CopiedEntity, ids: readonly number[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.sequelize.query<RawPerson>(
      `SELECT id, first_name, last_name, updated_at FROM ${TABLE[entity]} WHERE id IN (:ids)`,
      { type: QueryTypes.SELECT, replacements: { ids: [...ids] } },
    );
    return rows.map(toPerson);
  }

  /** Which of these ids exist (the integrity check's orphan test). */
  async existingIds(table: 'patients' | 'doctors' | 'appointments', ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.sql.sequelize.query<{ id: number | string }>(`SELECT id FROM ${table} WHERE id IN (:ids)`, {
      type: QueryTypes.SELECT,
      replacements: { ids: [...ids] },
    });
    return new Set(rows.map((r) => Number(r.id)));
  }

  async readCursor(entity: CopiedEntity): Promise<CopyCursor | null> {
    const [row] = await this.sql.sequelize.query<{ cursor_ms: number | string; cursor_id: number | string }>(
      'SELECT cursor_ms, cursor_id FROM copy_sync_cursors WHERE entity = :entity',
      { type: QueryTypes.SELECT, replacements: { entity } },
    );
    return row ? { ms: Number(row.cursor_ms), id: Number(row.cursor_id) } : null;
  }

  /** Moves the shared cursor forward only: a slower workstation never moves it back. */
  async advanceCursor(entity: CopiedEntity, to: CopyCursor): Promise<void> {
    try {
      await this.sql.sequelize.query('INSERT INTO copy_sync_cursors (entity, cursor_ms, cursor_id) VALUES (:entity, :ms, :id)', {
        replacements: { entity, ms: to.ms, id: to.id },
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      await this.sql.sequelize.query(
        `UPDATE copy_sync_cursors SET cursor_ms = :ms, cursor_id = :id
         WHERE entity = :entity AND (cursor_ms < :ms OR (cursor_ms = :ms AND cursor_id < :id))`,
        { replacements: { entity, ms: to.ms, id: to.id } },
      );
    }
  }

  /** Inserts the claim; null when another workstation (or an earlier pass) holds this key. */
  async claim(key: string, entity: CopiedEntity, entityId: number, workstation: string, leaseUntilMs: number): Promise<CopySyncClaim | null> {
    try {
      return await copySyncClaims(this.sql.sequelize).create({ claimKey: key, entity, entityId, state: 'running', leaseUntilMs, claimedBy: workstation });
    } catch (error) {
      if (error instanceof UniqueConstraintError) return null;
      throw error;
    }
  }

  async finish(claim: CopySyncClaim, documentsWritten: number): Promise<void> {
    await copySyncClaims(this.sql.sequelize).update({ state: 'done', documentsWritten }, { where: { id: claim.id } });
  }

  /** Gives a claim back (its writes failed half-way): the next pass tries the change again. */
  async release(claim: CopySyncClaim): Promise<void> {
    await copySyncClaims(this.sql.sequelize).destroy({ where: { id: claim.id, state: 'running' } });
  }

  /**
   * Claims left running past their lease (a workstation stopped half-way), each taken over by one
   * workstation with a compare-and-set update.
   */
  async takeOverExpired(nowMs: number, workstation: string, leaseUntilMs: number): Promise<CopySyncClaim[]> {
    const Claims = copySyncClaims(this.sql.sequelize);
    const expired = await Claims.findAll({ where: { state: 'running', leaseUntilMs: { [Op.lt]: nowMs } }, order: [['id', 'ASC']], limit: 500 });
    const taken: CopySyncClaim[] = [];
    for (const row of expired) {
      const [count] = await Claims.update(
        { leaseUntilMs, claimedBy: workstation },
        { where: { id: row.id, state: 'running', leaseUntilMs: row.leaseUntilMs } },
      );
      if (count === 1) taken.push(row);
    }
    return taken;
  }

  async claims(): Promise<CopySyncClaim[]> {
    return copySyncClaims(this.sql.sequelize).findAll({ order: [['id', 'ASC']] });
  }
}

export class CopySyncClaim extends Model<InferAttributes<CopySyncClaim>, InferCreationAttributes<CopySyncClaim>> {
  declare id: CreationOptional<number>;
  declare claimKey: string;
  declare entity: CopiedEntity;
  declare entityId: number;
  declare state: 'running' | 'done';
  declare leaseUntilMs: number;
  declare claimedBy: string | null;
  declare documentsWritten: CreationOptional<number>;
}

const models = new WeakMap<Sequelize, typeof CopySyncClaim>();

function copySyncClaims(sequelize: Sequelize): typeof CopySyncClaim {
  const known = models.get(sequelize);
  if (known) return known;
  class CopySyncClaimRow extends CopySyncClaim {}
  CopySyncClaimRow.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      claimKey: { type: DataTypes.STRING(191), allowNull: false, unique: true },
      entity: { type: DataTypes.STRING(10), allowNull: false },
      entityId: { type: DataTypes.INTEGER, allowNull: false },
      state: { type: DataTypes.STRING(10), allowNull: false },
      leaseUntilMs: {
        type: DataTypes.BIGINT,
        allowNull: false,
        // BIGINT comes back as text from mysql2
        get(this: CopySyncClaim): number {
          return Number(this.getDataValue('leaseUntilMs'));
        },
      },
      claimedBy: { type: DataTypes.STRING(100), allowNull: true },
      documentsWritten: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    },
    { sequelize, modelName: 'CopySyncClaim', tableName: 'copy_sync_claims', underscored: true, timestamps: false },
  );
  models.set(sequelize, CopySyncClaimRow);
  return CopySyncClaimRow;
}
