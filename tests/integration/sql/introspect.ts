import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * What the database says about its own schema, in the seed's vocabulary (INT, VARCHAR(50),
 * ENUM('a','b'), BOOLEAN, TIMESTAMP ...), so that one expectation fits both dialects.
 */
export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface IndexInfo {
  name: string;
  unique: boolean;
  columns: string[];
}

export interface ForeignKeyInfo {
  column: string;
  references: string;
  onDelete: string;
}

const select = <T extends object>(sequelize: Sequelize, sql: string, replacements: unknown[] = []) =>
  sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });

async function sqliteTableSql(sequelize: Sequelize, table: string): Promise<string> {
  const rows = await select<{ sql: string }>(
    sequelize,
    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
    [table],
  );
  return rows[0]?.sql ?? '';
}

function normalizeType(raw: string, column: string, sqliteTableSql: string): string {
  const type = raw.trim();
  const enumMatch = /^enum\((.*)\)$/i.exec(type);
  if (enumMatch) return `ENUM(${enumMatch[1]?.replace(/,\s*/g, ',')})`;
  const upper = type.toUpperCase();
  if (upper === 'TINYINT(1)' || upper === 'BOOLEAN') return 'BOOLEAN';
  if (/^INT(EGER)?(\(\d+\))?$/.test(upper)) return 'INT';
  if (upper === 'DATETIME') return 'TIMESTAMP';
  if (upper === 'TEXT' && sqliteTableSql) {
    // SQLite has no ENUM: the migration writes TEXT with CHECK (column IN (...)).
    const check = new RegExp(`\\b${column} TEXT[^,]*CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sqliteTableSql);
    if (check) return `ENUM(${check[1]?.replace(/,\s*/g, ',')})`;
  }
  return upper.replace(/\s+/g, '');
}

function normalizeDefault(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (/^null$/i.test(text)) return null;
  if (/^current_timestamp(\(\))?$/i.test(text)) return 'CURRENT_TIMESTAMP';
  if (/^true$/i.test(text)) return '1';
  return text.replace(/^'(.*)'$/, '$1');
}

/** Columns in table order, via queryInterface.describeTable (SHOW COLUMNS / PRAGMA table_info). */
export async function describeColumns(sequelize: Sequelize, table: string): Promise<ColumnInfo[]> {
  const described = await sequelize.getQueryInterface().describeTable(table);
  const tableSql = sequelize.getDialect() === 'sqlite' ? await sqliteTableSql(sequelize, table) : '';
  return Object.entries(described).map(([name, column]) => ({
    name,
    type: normalizeType(column.type, name, tableSql),
    // SQLite reports INTEGER PRIMARY KEY as nullable, but it is the rowid and never NULL.
    nullable: column.primaryKey ? false : column.allowNull,
    default: normalizeDefault(column.defaultValue),
  }));
}

/** Columns that move to now on UPDATE: MySQL's ON UPDATE CURRENT_TIMESTAMP, SQLite's trigger. */
export async function onUpdateNowColumns(sequelize: Sequelize, table: string): Promise<string[]> {
  if (sequelize.getDialect() === 'mysql') {
    const rows = await select<{ Field: string; Extra: string }>(sequelize, `SHOW COLUMNS FROM ${table}`);
    return rows.filter((row) => /on update current_timestamp/i.test(row.Extra)).map((row) => row.Field);
  }
  const triggers = await select<{ sql: string }>(
    sequelize,
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
    [table],
  );
  return triggers.flatMap((t) => {
    const match =
      /AFTER UPDATE ON \w+\s+FOR EACH ROW WHEN NEW\.(\w+) IS OLD\.\1[\s\S]*SET \1 = CURRENT_TIMESTAMP/i.exec(t.sql);
    return match?.[1] ? [match[1]] : [];
  });
}

interface ShownIndex {
  name: string;
  unique: boolean;
  primary: boolean;
  fields: { attribute: string }[];
}

/** Secondary indexes, via queryInterface.showIndex (SHOW INDEX / PRAGMA index_list + index_info). */
export async function describeIndexes(sequelize: Sequelize, table: string): Promise<IndexInfo[]> {
  const shown = (await sequelize.getQueryInterface().showIndex(table)) as ShownIndex[];
  return shown
    .filter((index) => !index.primary && index.name !== 'PRIMARY')
    .map((index) => ({
      name: index.name,
      unique: Boolean(index.unique),
      columns: index.fields.map((f) => f.attribute),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Foreign keys with their ON DELETE action (information_schema / PRAGMA foreign_key_list). */
export async function describeForeignKeys(sequelize: Sequelize, table: string): Promise<ForeignKeyInfo[]> {
  const rows =
    sequelize.getDialect() === 'mysql'
      ? await select<ForeignKeyInfo>(
          sequelize,
          `SELECT k.COLUMN_NAME AS \`column\`, k.REFERENCED_TABLE_NAME AS \`references\`, r.DELETE_RULE AS onDelete
             FROM information_schema.KEY_COLUMN_USAGE k
             JOIN information_schema.REFERENTIAL_CONSTRAINTS r
               ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL`,
          [table],
        )
      : (
          await select<{ from: string; table: string; on_delete: string }>(
            sequelize,
            `PRAGMA foreign_key_list(${table})`,
          )
        ).map((row) => ({ column: row.from, references: row.table, onDelete: row.on_delete }));
  return rows.sort((a, b) => a.column.localeCompare(b.column));
}
