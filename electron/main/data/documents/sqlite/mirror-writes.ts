import { QueryTypes, type Sequelize } from 'sequelize';
import type { DocumentCollection, StoredOf } from '../collections';
import type { FilterScalar } from '../document-store';
import { quote, tableStatements, type DocumentTable } from './document-tables';
import { sqlValue } from './sqlite-repository';

/**
 * Writes documents read from the clinic's document server into this workstation's SQLite
 * document tables as they are: same id, same createdAt/updatedAt, same fields. The repository's
 * insert cannot do that (it makes its own id and stamps), and must not: only the mirror copies.
 */
export interface SqliteMirrorWriter<Stored> {
  /**
   * Stores the documents that are missing here or differ from the local copy, in one
   * transaction. Documents that do not pass the collection's schema are skipped, not stored.
   */
  write(documents: readonly Stored[]): Promise<{ written: number; skipped: number }>;
}

type Cell = string | number | null;

interface MirrorRow {
  id: string;
  cells: Cell[];
}

export async function openSqliteMirrorWriter<Input, Fields, Timestamped extends boolean>(
  sequelize: Sequelize,
  collection: DocumentCollection<Input, Fields, Timestamped>,
  layout: DocumentTable,
): Promise<SqliteMirrorWriter<StoredOf<Fields, Timestamped>>> {
  type Stored = StoredOf<Fields, Timestamped>;
  // The tables may not exist yet when nothing opened the SQLite document store on this file.
  for (const statement of tableStatements(layout, collection.timestamped)) await sequelize.query(statement);
  const table = quote(layout.table);
  const columns = [
    'id',
    ...layout.columns.map(({ column }) => quote(column)),
    ...(collection.timestamped ? ['created_at', 'updated_at'] : []),
    'body',
  ];

  /** The row as the SQLite store keeps it; null when the document fails the schema. */
  const rowOf = (document: Stored): MirrorRow | null => {
    const { id, createdAt, updatedAt, ...candidate } = document as Stored & { id: string; createdAt?: Date; updatedAt?: Date };
    const parsed = collection.schema.safeParse(candidate);
    if (!parsed.success) return null;
    const fields = parsed.data as Record<string, FilterScalar | undefined>;
    const stamps = collection.timestamped ? [sqlValue(createdAt), sqlValue(updatedAt)] : [];
    return { id, cells: [id, ...layout.columns.map(({ field }) => sqlValue(fields[field])), ...stamps, JSON.stringify(parsed.data)] };
  };

  const localRows = async (ids: readonly string[]): Promise<Map<string, Cell[]>> => {
    if (ids.length === 0) return new Map();
    const rows = await sequelize.query<Record<string, Cell>>(
      `SELECT ${columns.join(', ')} FROM ${table} WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
      { type: QueryTypes.SELECT, bind: [...ids] },
    );
    const names = columns.map((column) => column.replaceAll('"', ''));
    return new Map(rows.map((row) => [String(row.id), names.map((name) => row[name] ?? null)]));
  };

  const same = (a: readonly Cell[], b: readonly Cell[]) => a.length === b.length && a.every((cell, i) => cell === b[i]);

  return {
    async write(documents) {
      const rows = documents.map(rowOf);
      const valid = rows.filter((row): row is MirrorRow => row !== null);
      const mine = await localRows(valid.map((row) => row.id));
      const changed = valid.filter((row) => {
        const current = mine.get(row.id);
        return !current || !same(current, row.cells);
      });
      if (changed.length > 0) {
        const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = excluded.${column}`);
        const placeholders = `(${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
        await sequelize.transaction(async (transaction) => {
          for (const row of changed) {
            await sequelize.query(
              `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders} ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
              { bind: row.cells, transaction },
            );
          }
        });
      }
      return { written: changed.length, skipped: rows.length - valid.length };
    },
  };
}
