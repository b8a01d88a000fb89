import { QueryTypes, type Sequelize } from 'sequelize';
import { searchWords, type DocumentTextSearch, type SearchableCollection } from '../document-store';
import { DOCUMENT_TABLES } from './document-tables';

/**
 * FTS5 over the document tables' free text. One FTS table per collection whose rowid is the
 * document row's rowid, kept by triggers (insert, update, delete) on the document table, so every
 * writer (the repository, the mirror's pull, a restore) keeps it current without knowing it.
 * Created at open; a table created now is filled from the documents already there.
 */

/** The searchable text of a document, as an SQL expression over its JSON `body`. */
const TEXT_OF: Record<SearchableCollection, (body: string) => string> = {
  prescriptions: (body) =>
    `coalesce(json_extract(${body}, '$.diagnosis'), '') || ' ' || coalesce(json_extract(${body}, '$.clinicalNotes'), '') || ' ' ||
     coalesce((SELECT group_concat(json_extract(m.value, '$.name'), ' ') FROM json_each(${body}, '$.medications') m), '')`,
  patient_feedback: (body) =>
    `coalesce(json_extract(${body}, '$.textReview'), '') || ' ' ||
     coalesce((SELECT group_concat(s.value, ' ') FROM json_each(${body}, '$.improvement_suggestions') s), '')`,
  communication_logs: (body) => `coalesce(json_extract(${body}, '$.subject'), '') || ' ' || coalesce(json_extract(${body}, '$.content'), '')`,
};

const SEARCHABLE = Object.keys(TEXT_OF) as SearchableCollection[];

function statements(collection: SearchableCollection): string[] {
  const table = DOCUMENT_TABLES[collection].table;
  const fts = `${table}_fts`;
  const text = TEXT_OF[collection];
  return [
    `CREATE VIRTUAL TABLE ${fts} USING fts5(body_text, tokenize = 'unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
       INSERT INTO ${fts} (rowid, body_text) VALUES (NEW.rowid, ${text('NEW.body')});
     END`,
    `CREATE TRIGGER ${fts}_update AFTER UPDATE OF body ON ${table} BEGIN
       DELETE FROM ${fts} WHERE rowid = OLD.rowid;
       INSERT INTO ${fts} (rowid, body_text) VALUES (NEW.rowid, ${text('NEW.body')});
     END`,
    `CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
       DELETE FROM ${fts} WHERE rowid = OLD.rowid;
     END`,
    `INSERT INTO ${fts} (rowid, body_text) SELECT rowid, ${text('body')} FROM ${table}`,
  ];
}

export async function ensureSqliteTextSearch(sequelize: Sequelize): Promise<void> {
  for (const collection of SEARCHABLE) {
    const fts = `${DOCUMENT_TABLES[collection].table}_fts`;
    const [exists] = await sequelize.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = :fts", {
      type: QueryTypes.SELECT,
      replacements: { fts },
    });
    if (exists) continue;
    await sequelize.transaction(async (transaction) => {
      for (const statement of statements(collection)) await sequelize.query(statement, { transaction });
    });
  }
}

export function createSqliteTextSearch(sequelize: Sequelize): DocumentTextSearch {
  return {
    method: 'sqlite-fts5',
    search: async ({ collection, query, patientIds, limit }) => {
      const words = searchWords(query);
      if (words.length === 0 || (patientIds && patientIds.length === 0)) return [];
      const table = DOCUMENT_TABLES[collection].table;
      // Each word a quoted prefix term: the user's text never reaches FTS5's query syntax.
      const match = words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
      const rows = await sequelize.query<{ id: string }>(
        `SELECT d.id AS id FROM ${table}_fts f JOIN ${table} d ON d.rowid = f.rowid
         WHERE f.body_text MATCH :match ${patientIds ? 'AND d.patient_id IN (:patientIds)' : ''}
         ORDER BY f.rank LIMIT :limit`,
        { type: QueryTypes.SELECT, replacements: { match, limit, ...(patientIds ? { patientIds: [...patientIds] } : {}) } },
      );
      return rows.map((r) => r.id);
    },
  };
}
