import { searchWords, type DocumentTextSearch, type SearchableCollection } from '../document-store';
import { guarded } from './mongo-errors';
import type { DocumentModel } from './mongoose-schemas';

/** The free-text fields of each searchable collection (dotted paths reach into arrays). */
const FIELDS: Record<SearchableCollection, readonly string[]> = {
  prescriptions: ['diagnosis', 'clinicalNotes', 'medications.name'],
  patient_feedback: ['textReview', 'improvement_suggestions'],
  communication_logs: ['subject', 'content'],
};

/** Newest first where there is no relevance score. */
const TIME_FIELD: Record<SearchableCollection, string> = {
  prescriptions: 'prescriptionDate',
  patient_feedback: 'feedbackDate',
  communication_logs: 'sentAt',
};

const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text index per collection where the server has them (MongoDB), probed at open with a real
 * `$text` query; FerretDB 1.24 has neither text indexes nor `$text`, so there every word must
 * match one of the fields as a case-insensitive regular expression (a substring, not only a word
 * start, and unranked: newest first). Both forms take the words one by one, escaped: the user's
 * text is never query syntax.
 */
export async function createMongoTextSearch(models: Record<SearchableCollection, DocumentModel>): Promise<DocumentTextSearch> {
  const method = (await textIndexesWork(models)) ? 'mongodb-text' : 'keyword-regex';
  return {
    method,
    search: ({ collection, query, patientIds, limit }) =>
      guarded({ label: 'document', uniqueFields: [] }, async () => {
        const words = searchWords(query);
        if (words.length === 0 || (patientIds && patientIds.length === 0)) return [];
        const model = models[collection];
        const scope: Record<string, unknown> = patientIds ? { patientId: { $in: [...patientIds] } } : {};
        if (method === 'mongodb-text') {
          // Quoted words: each must occur (MongoDB ORs unquoted words).
          const search = words.map((w) => `"${w}"`).join(' ');
          const found = await model
            .find({ ...scope, $text: { $search: search } }, { _id: 1, score: { $meta: 'textScore' } })
            .sort({ score: { $meta: 'textScore' } })
            .limit(limit)
            .lean()
            .exec();
          return found.map((d) => String(d._id));
        }
        const all = words.map((w) => ({ $or: FIELDS[collection].map((f) => ({ [f]: { $regex: escapeRegex(w), $options: 'i' } })) }));
        const found = await model
          .find({ ...scope, $and: all }, { _id: 1 })
          .sort({ [TIME_FIELD[collection]]: -1, _id: -1 })
          .limit(limit)
          .lean()
          .exec();
        return found.map((d) => String(d._id));
      }),
  };
}

async function textIndexesWork(models: Record<SearchableCollection, DocumentModel>): Promise<boolean> {
  try {
    for (const [collection, model] of Object.entries(models) as [SearchableCollection, DocumentModel][]) {
      await model.collection.createIndex(Object.fromEntries(FIELDS[collection].map((f) => [f, 'text'])), { name: 'text_search', default_language: 'none' });
      await model.find({ $text: { $search: 'probe' } }).limit(1).lean().exec();
    }
    return true;
  } catch {
    return false;
  }
}
