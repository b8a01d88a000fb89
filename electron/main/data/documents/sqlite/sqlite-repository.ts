import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { AppFailure } from '../../../../../shared/ipc/result';
import { storeManagedFields, type DocumentCollection, type StoredOf } from '../collections';
import type { DocumentRepository, FilterScalar } from '../document-store';
import { normalizeFilter, normalizePaging, normalizeSort, type Comparison, type SortKey } from '../query';
import { applyPatch, duplicateFailure, validateDocument } from '../validation';
import { quote, type DocumentTable, type IndexedColumn } from './document-tables';
import { newObjectIdHex } from './object-id';

interface DocumentRow {
  id: string;
  body: string;
  created_at?: string;
  updated_at?: string;
}

const COMPARATORS = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** How a value is written to SQLite and compared there: dates as ISO text, booleans as 0/1 (as json_extract yields them). */
export function sqlValue(value: FilterScalar | undefined): string | number | null {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Positional bind parameters ($1, $2, ...): values never become SQL text. */
class Binder {
  readonly values: (string | number | null)[] = [];
  add(value: string | number | null): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The one SQLite repository, parameterized by the collection and its table layout. Writes are
 * validated by the collection's zod schema; the document is stored as JSON in `body` and its
 * indexed fields are copied into their columns in the same statement.
 */
export function createSqliteRepository<Input, Fields, Timestamped extends boolean>(
  sequelize: Sequelize,
  collection: DocumentCollection<Input, Fields, Timestamped>,
  layout: DocumentTable,
): DocumentRepository<Input, StoredOf<Fields, Timestamped>> {
  type Stored = StoredOf<Fields, Timestamped>;
  const table = quote(layout.table);
  const timestamped = collection.timestamped;
  const queryableFields = new Set([...collection.fieldNames, ...storeManagedFields(timestamped)]);
  const columnsByField = new Map<string, IndexedColumn>(layout.columns.map((column) => [column.field, column]));
  const selectList = timestamped ? 'id, body, created_at, updated_at' : 'id, body';
  const notFound = (id: string) => new AppFailure('NOT_FOUND', `No ${collection.label} has id ${id}.`);

  /** The SQL for a field: its column when it has one, else its value inside the JSON body. */
  const expressionFor = (field: string, binder: Binder): string => {
    if (field === 'id') return 'id';
    if (field === 'createdAt') return 'created_at';
    if (field === 'updatedAt') return 'updated_at';
    const column = columnsByField.get(field);
    return column ? quote(column.column) : `json_extract(body, ${binder.add(`$.${field}`)})`;
  };

  const whereClause = (comparisons: readonly Comparison[], binder: Binder): string => {
    if (comparisons.length === 0) return '';
    const terms = comparisons.map((comparison) => {
      const expression = expressionFor(comparison.field, binder);
      if (comparison.operator !== 'in') {
        return `${expression} ${COMPARATORS[comparison.operator]} ${binder.add(sqlValue(comparison.value))}`;
      }
      if (comparison.values.length === 0) return '0'; // $in [] matches nothing, as in MongoDB
      return `${expression} IN (${comparison.values.map((value) => binder.add(sqlValue(value))).join(', ')})`;
    });
    return ` WHERE ${terms.join(' AND ')}`;
  };

  /** Ties broken by id, i.e. creation order, as in the MongoDB store. */
  const orderClause = (keys: readonly SortKey[], binder: Binder): string => {
    const terms = keys.map(
      ({ field, direction }) => `${expressionFor(field, binder)} ${direction === 'asc' ? 'ASC' : 'DESC'}`,
    );
    if (!keys.some(({ field }) => field === 'id')) terms.push('id ASC');
    return ` ORDER BY ${terms.join(', ')}`;
  };

  /** Parsing the body again turns the ISO text JSON holds back into Dates. */
  const toStored = (row: DocumentRow): Stored => {
    const parsed = collection.schema.safeParse(JSON.parse(row.body));
    if (!parsed.success) throw new Error(`The stored ${collection.label} ${row.id} does not match its schema`);
    const timestamps = timestamped
      ? { createdAt: new Date(row.created_at ?? ''), updatedAt: new Date(row.updated_at ?? '') }
      : {};
    return { ...parsed.data, id: row.id, ...timestamps } as Stored;
  };

  const fieldsOf = (stored: Stored): Record<string, unknown> => {
    const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = stored as Stored & Record<string, unknown>;
    return fields;
  };

  const columnValues = (fields: Fields): (string | number | null)[] =>
    layout.columns.map(({ field }) => sqlValue((fields as Record<string, FilterScalar | undefined>)[field]));

  /** A unique index refusing the write becomes DUPLICATE naming the field; anything else is rethrown. */
  const translateWriteError = (error: unknown): unknown => {
    // Sequelize wraps the driver's error ("SQLITE_CONSTRAINT: UNIQUE constraint failed: t.c") as `parent`.
    const driverError = (error as { parent?: unknown }).parent ?? error;
    const message = driverError instanceof Error ? driverError.message : '';
    const column = /UNIQUE constraint failed: [^.\s]+\.(\w+)/.exec(message)?.[1];
    if (!column) return error;
    const field = layout.columns.find((candidate) => candidate.column === column)?.field ?? column;
    return duplicateFailure(collection.label, field);
  };

  const selectById = async (id: string, transaction?: Transaction): Promise<DocumentRow | undefined> => {
    const rows = await sequelize.query<DocumentRow>(`SELECT ${selectList} FROM ${table} WHERE id = $1`, {
      type: QueryTypes.SELECT,
      bind: [id],
      transaction,
    });
    return rows[0];
  };

  const repository: DocumentRepository<Input, StoredOf<Fields, Timestamped>> = {
    async insert(document) {
      const fields = validateDocument(collection.schema, document, collection.label);
      const now = new Date();
      const row: DocumentRow = { id: newObjectIdHex(now), body: JSON.stringify(fields) };
      const values = [row.id, ...columnValues(fields)];
      const columns = ['id', ...layout.columns.map(({ column }) => quote(column))];
      if (timestamped) {
        row.created_at = row.updated_at = now.toISOString();
        columns.push('created_at', 'updated_at');
        values.push(row.created_at, row.updated_at);
      }
      columns.push('body');
      values.push(row.body);
      await sequelize
        .query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
          {
            bind: values,
          },
        )
        .catch((error: unknown) => {
          throw translateWriteError(error);
        });
      return toStored(row);
    },

    async findById(id) {
      const row = await selectById(id);
      return row ? toStored(row) : null;
    },

    async find(filter, options) {
      const binder = new Binder();
      const where = whereClause(normalizeFilter(filter, queryableFields), binder);
      const order = orderClause(normalizeSort(options?.sort, queryableFields), binder);
      const { limit, skip } = normalizePaging(options);
      const page =
        limit !== undefined || skip > 0 ? ` LIMIT ${binder.add(limit ?? -1)} OFFSET ${binder.add(skip)}` : '';
      const rows = await sequelize.query<DocumentRow>(`SELECT ${selectList} FROM ${table}${where}${order}${page}`, {
        type: QueryTypes.SELECT,
        bind: binder.values,
      });
      return rows.map(toStored);
    },

    async *findInBatches(filter, options) {
      // One file on this machine: pages cost no more than a cursor would.
      const { sort, batchSize } = options;
      for (let skip = 0; ; skip += batchSize) {
        const page = await repository.find(filter, { sort, skip, limit: batchSize });
        if (page.length > 0) yield page;
        if (page.length < batchSize) return;
      }
    },

    async count(filter) {
      const binder = new Binder();
      const where = whereClause(normalizeFilter(filter, queryableFields), binder);
      const rows = await sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}${where}`, {
        type: QueryTypes.SELECT,
        bind: binder.values,
      });
      return Number(rows[0]?.n ?? 0);
    },

    // Read, validate and write in one (immediate) transaction: no other writer can slip in between.
    update: (id, patch) =>
      sequelize.transaction(async (transaction) => {
        const currentRow = await selectById(id, transaction);
        if (!currentRow) throw notFound(id);
        const current = toStored(currentRow);
        const fields = validateDocument(
          collection.schema,
          applyPatch(fieldsOf(current), patch, collection.label),
          collection.label,
        );
        const row: DocumentRow = { ...currentRow, body: JSON.stringify(fields) };
        const binder = new Binder();
        const values = columnValues(fields);
        const assignments = layout.columns.map(
          ({ column }, i) => `${quote(column)} = ${binder.add(values[i] ?? null)}`,
        );
        if (timestamped) {
          row.updated_at = new Date().toISOString();
          assignments.push(`updated_at = ${binder.add(row.updated_at)}`);
        }
        assignments.push(`body = ${binder.add(row.body)}`);
        await sequelize
          .query(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ${binder.add(id)}`, {
            bind: binder.values,
            transaction,
          })
          .catch((error: unknown) => {
            throw translateWriteError(error);
          });
        return toStored(row);
      }),
  };
  return repository;
}
