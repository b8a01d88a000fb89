import type { SqlStore } from '../../../data/sql/open-sql-store';
import { localIdsIn, remapIds, type IdMap } from './id-remap';

/**
 * Audit records written offline name the records they concern by local ids; once the server has
 * taken those records, the waiting audit records are rewritten to the server's ids, so the trail
 * on the server points at the real patient and appointment.
 */
export async function remapWaitingAuditRecords(local: SqlStore, ids: IdMap): Promise<number> {
  if (ids.size === 0) return 0;
  const { AuditOutbox } = local.models;
  let rewritten = 0;
  for (const row of await AuditOutbox.findAll({ order: [['seq', 'ASC']] })) {
    const body: unknown = JSON.parse(row.body);
    if (localIdsIn(body).length === 0) continue;
    const remapped = remapIds(body, ids);
    if (localIdsIn(remapped).length === localIdsIn(body).length) continue;
    await AuditOutbox.update({ body: JSON.stringify(remapped) }, { where: { seq: row.seq } });
    rewritten++;
  }
  return rewritten;
}
