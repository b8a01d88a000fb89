import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
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
   * transaction, with `alsoInTransaction` (the pull's cursor) committed in it too. Documents
   * that do not pass the collection's schema are skipped, not stored.
   */
  write(documents: readonly Stored[], alsoInTransaction?: (transaction: Transaction) => Promise<void>): Promise<{ written: number; skipped: number }>;
}

type Cell = string | number | null;

/**
 * Documents per INSERT. Sequelize hands SQLite its `$n` values by name, and SQLite finds each
 * name by a linear search of the statement's parameters, so a statement's binding cost grows
 * with the square of its values: 200 documents (2,000 values) a statement cost the first pull of
 * 50,000 prescriptions about 0.7 s more CPU than 50 (measured in scripts/bench/sync-pull.ts).
 */
const ROWS_PER_STATEMENT = 50;

/** Ids per SELECT of the local copies: one value each, so 400 stay cheap to bind. */
const IDS_PER_SELECT = 400;

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

  const names = columns.map((column) => column.replaceAll('"', ''));
  const localRows = async (ids: readonly string[]): Promise<Map<string, Cell[]>> => {
    const mine = new Map<string, Cell[]>();
    for (let start = 0; start < ids.length; start += IDS_PER_SELECT) {
      const some = ids.slice(start, start + IDS_PER_SELECT);
      const rows = await sequelize.query<Record<string, Cell>>(`SELECT ${columns.join(', ')} FROM ${table} WHERE id IN (${some.map((_, i) => `$${i + 1}`).join(', ')})`, {
        type: QueryTypes.SELECT,
        bind: [...some],
      });
      for (const row of rows) mine.set(String(row.id), names.map((name) => row[name] ?? null));
    }
    return mine;
  };

  const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = excluded.${column}`);
  /** One multi-row INSERT … ON CONFLICT per ROWS_PER_STATEMENT documents, not one statement each. */
  const upsert = async (rows: readonly MirrorRow[], transaction: Transaction) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const some = rows.slice(start, start + ROWS_PER_STATEMENT);
      const values = some.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      await sequelize.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`, {
        bind: some.flatMap((row) => row.cells),
        transaction,
      });
    }
  };

  const same = (a: readonly Cell[], b: readonly Cell[]) => a.length === b.length && a.every((cell, i) => cell === b[i]);

  return {
    async write(documents, alsoInTransaction) {
      const rows = documents.map(rowOf);
      const valid = rows.filter((row): row is MirrorRow => row !== null);
      const mine = await localRows(valid.map((row) => row.id));
      const changed = valid.filter((row) => {
        const current = mine.get(row.id);
        return !current || !same(current, row.cells);
      });
      if (changed.length > 0 || alsoInTransaction) {
        await sequelize.transaction(async (transaction) => {
          await upsert(changed, transaction);
          await alsoInTransaction?.(transaction);
        });
      }
      return { written: changed.length, skipped: rows.length - valid.length };
    },
  };
}
