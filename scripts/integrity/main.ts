/**
 * The integrity check from the command line, against a clinic's servers or a standalone file:
 *
 *   npm run integrity -- --mysql mysql://user:pw@host/clinic --mongo mongodb://host/clinic
 *   npm run integrity -- --sqlite ~/.config/clinic-desk/clinic-desk.sqlite [--list 20] [--json report.json]
 *
 * Without --mysql/--mongo the environment's CLINIC_MYSQL_URL and CLINIC_MONGODB_URI are used.
 * The stores are opened as a workstation opens them (pending migrations are applied). It only
 * reads; repairs are made on the Data health screen, where they are audited. Exit status: 0 when
 * nothing was found, 2 when something was, 1 on an error.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DocumentStore } from '../../electron/main/data/documents/document-store';
import { openMongoDocumentStore } from '../../electron/main/data/documents/mongo/open-mongo-document-store';
import { openSqliteDocumentStore } from '../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { openSqlStore, type SqlStore } from '../../electron/main/data/sql/open-sql-store';
import { runIntegrityCheck } from '../../electron/main/services/consistency/integrity-check';

const { values } = parseArgs({
  options: {
    mysql: { type: 'string' },
    mongo: { type: 'string' },
    sqlite: { type: 'string' },
    list: { type: 'string', default: '10' },
    json: { type: 'string' },
  },
});

const log = (line: string) => process.stdout.write(`${line}\n`);

async function open(): Promise<{ sql: SqlStore; documents: DocumentStore }> {
  if (values.sqlite) {
    const sql = await openSqlStore({ dialect: 'sqlite', storage: values.sqlite });
    return { sql, documents: await openSqliteDocumentStore(sql.sequelize) };
  }
  const mysql = values.mysql ?? process.env.CLINIC_MYSQL_URL;
  const mongo = values.mongo ?? process.env.CLINIC_MONGODB_URI;
  if (!mysql || !mongo) throw new Error('Give --sqlite FILE, or --mysql URL and --mongo URI (or CLINIC_MYSQL_URL and CLINIC_MONGODB_URI).');
  const sql = await openSqlStore({ dialect: 'mysql', url: mysql });
  return { sql, documents: await openMongoDocumentStore(mongo) };
}

async function main(): Promise<number> {
  const { sql, documents } = await open();
  try {
    const report = await runIntegrityCheck({ sql, documents });
    const shown = Math.max(0, Number(values.list) || 0);
    log(`Integrity check, ${report.checkedAt} (${(report.tookMs / 1000).toFixed(1)} s)`);
    log(`Scanned: ${Object.entries(report.scanned).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    for (const kind of report.kinds) {
      log(`${String(kind.count).padStart(7)}  ${kind.label}`);
      for (const item of kind.items.slice(0, shown)) {
        log(`           ${item.collection}/${item.documentId}: ${item.detail}${item.flagged ? ' (flagged for review)' : ''}`);
      }
    }
    if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
    return report.kinds.some((k) => k.count > 0) ? 2 : 0;
  } finally {
    await documents.close();
    await sql.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message.replace(/\/\/[^@/\s]*@/g, '//') : String(error));
    process.exit(1);
  },
);
