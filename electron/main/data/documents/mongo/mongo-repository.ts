import mongoose from 'mongoose';
import { AppFailure } from '../../../../../shared/ipc/result';
import { storeManagedFields, type DocumentCollection, type StoredOf } from '../collections';
import type { DocumentRepository } from '../document-store';
import { normalizeFilter, normalizePaging, normalizeSort, type Comparison, type SortKey } from '../query';
import { applyPatch, validateDocument } from '../validation';
import { guarded } from './mongo-errors';
import type { DocumentModel, MongoDocument } from './mongoose-schemas';
import type { MongoTuning } from '../../../config/store-config';

type StaleReadPreference = MongoTuning['staleReadPreference'];

const OPERATORS = { eq: '$eq', in: '$in', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' } as const;

/** A 24-hex-digit id as an ObjectId; null for anything else (it cannot name a document). */
function objectIdOf(id: string): mongoose.Types.ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new mongoose.Types.ObjectId(id) : null;
}

/** `id` is `_id` in MongoDB, an ObjectId: ids of another shape name no document, so they are dropped. */
function idCondition(comparison: Comparison): Record<string, unknown> {
  const ids = comparison.operator === 'in' ? comparison.values : [comparison.value];
  const objectIds = ids.flatMap((id) => (typeof id === 'string' ? (objectIdOf(id) ?? []) : []));
  return comparison.operator === 'eq' || comparison.operator === 'in'
    ? { $in: objectIds }
    : { [OPERATORS[comparison.operator]]: objectIds[0] ?? null };
}

function mongoQuery(comparisons: readonly Comparison[]): Record<string, Record<string, unknown>> {
  const query: Record<string, Record<string, unknown>> = {};
  for (const comparison of comparisons) {
    if (comparison.field === 'id') {
      query._id = { ...query._id, ...idCondition(comparison) };
      continue;
    }
    const operand = comparison.operator === 'in' ? comparison.values : comparison.value;
    query[comparison.field] = { ...query[comparison.field], [OPERATORS[comparison.operator]]: operand };
  }
  return query;
}

/** Ties broken by _id, i.e. creation order, so paging is stable (as in the SQLite store). */
function mongoSort(keys: readonly SortKey[]): Record<string, 1 | -1> {
  const sort: Record<string, 1 | -1> = {};
  for (const { field, direction } of keys) sort[field === 'id' ? '_id' : field] = direction === 'asc' ? 1 : -1;
  if (!('_id' in sort)) sort._id = 1;
  return sort;
}

/**
 * The one MongoDB repository, parameterized by the collection. Every write is validated by the
 * collection's zod schema first, then by the Mongoose model. createdAt/updatedAt are written
 * from `serverNow` (the document server's time, see document-server-clock.ts), not by Mongoose
 * from this machine's clock.
 */
export function createMongoRepository<Input, Fields, Timestamped extends boolean>(
  collection: DocumentCollection<Input, Fields, Timestamped>,
  model: DocumentModel,
  staleReadPreference: StaleReadPreference,
  serverNow: () => Date,
): DocumentRepository<Input, StoredOf<Fields, Timestamped>> {
  type Stored = StoredOf<Fields, Timestamped>;
  const queryableFields = new Set([...collection.fieldNames, ...storeManagedFields(collection.timestamped)]);
  const errorContext = {
    label: collection.label,
    uniqueFields: model.schema
      .indexes()
      .filter(([, options]) => options.unique === true)
      .flatMap(([keys]) => Object.keys(keys).slice(0, 1)),
  };

  const toStored = (document: MongoDocument): Stored => {
    const { _id, ...fields } = document;
    // The cast is the adapter's promise: only documents validated by the schema were written.
    return { ...fields, id: String(_id) } as Stored;
  };
  const notFound = (id: string) => new AppFailure('NOT_FOUND', `No ${collection.label} has id ${id}.`);

  const findLean = async (id: string): Promise<MongoDocument | null> => {
    const objectId = objectIdOf(id);
    return objectId ? model.findById(objectId).lean<MongoDocument>().exec() : null;
  };

  return {
    insert: (document) =>
      guarded(errorContext, async () => {
        const fields = validateDocument(collection.schema, document, collection.label) as MongoDocument;
        // Mongoose keeps a createdAt it is given and sets updatedAt to it on a new document.
        const created = await model.create(collection.timestamped ? { ...fields, createdAt: serverNow() } : fields);
        return toStored(created.toObject());
      }),

    findById: (id) =>
      guarded(errorContext, async () => {
        const found = await findLean(id);
        return found ? toStored(found) : null;
      }),

    find: (filter, options) =>
      guarded(errorContext, async () => {
        const query = mongoQuery(normalizeFilter(filter, queryableFields));
        const sort = mongoSort(normalizeSort(options?.sort, queryableFields));
        const { limit, skip } = normalizePaging(options);
        let cursor = model.find(query).sort(sort).skip(skip);
        if (limit !== undefined) cursor = cursor.limit(limit);
        if (options?.reads === 'replica-ok') cursor = cursor.read(staleReadPreference);
        const found = await cursor.lean<MongoDocument[]>().exec();
        return found.map(toStored);
      }),

    async *findInBatches(filter, options) {
      const { limit: batchSize } = normalizePaging({ limit: options.batchSize });
      const query = mongoQuery(normalizeFilter(filter, queryableFields));
      const sort = mongoSort(normalizeSort(options.sort, queryableFields));
      let found = model.find(query).sort(sort).batchSize(batchSize ?? 1);
      if (options.reads === 'replica-ok') found = found.read(staleReadPreference);
      let batch: Stored[] = [];
      for await (const document of found.lean<MongoDocument[]>().cursor()) {
        batch.push(toStored(document as MongoDocument));
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },

    count: (filter) =>
      guarded(errorContext, () => model.countDocuments(mongoQuery(normalizeFilter(filter, queryableFields))).exec()),

    update: (id, patch) =>
      guarded(errorContext, async () => {
        const current = await findLean(id);
        if (!current) throw notFound(id);
        const { _id, createdAt: _created, updatedAt: _updated, ...currentFields } = current;
        const next = validateDocument(
          collection.schema,
          applyPatch(currentFields, patch, collection.label),
          collection.label,
        );
        // Read, validate, write: FerretDB 1.24 has no transactions to make that one unit, so
        // only the patched fields are written ($set/$unset) and a concurrent change to other
        // fields of the same document is not overwritten with what was read here.
        const nextFields = next as Record<string, unknown>;
        const $set: Record<string, unknown> = {};
        const $unset: Record<string, ''> = {};
        for (const field of Object.keys(patch as object)) {
          if (nextFields[field] === undefined) $unset[field] = '';
          else $set[field] = nextFields[field];
        }
        if (collection.timestamped) $set.updatedAt = serverNow();
        const change = Object.keys($unset).length > 0 ? { $set, $unset } : { $set };
        const updated = await model
          .findOneAndUpdate({ _id }, change, { returnDocument: 'after', runValidators: true, timestamps: false })
          .lean<MongoDocument>()
          .exec();
        if (!updated) throw notFound(id);
        return toStored(updated);
      }),
  };
}
