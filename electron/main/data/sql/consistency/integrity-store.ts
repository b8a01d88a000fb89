import { QueryTypes, UniqueConstraintError } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/**
 * The relational side of the integrity check: which referenced rows exist, the appointments
 * documents name, message claims marked sent whose log entry never arrived, and the flags an
 * admin set on documents to review.
 */

export interface AppointmentRef {
  id: number;
  patientId: number;
  doctorId: number;
  status: string;
}

export interface SentClaimWithoutLog {
  id: number;
  appointmentId: number | null;
  kind: string;
  method: 'email' | 'sms';
  messageId: string | null;
  claimedBy: string | null;
  updatedAt: Date;
}

export interface IntegrityFlag {
  collectionName: string;
  documentId: string;
  kind: string;
}

const SENT_WITHOUT_LOG = "state = 'sent' AND log_id IS NULL";
const CLAIM_COLUMNS = 'id, appointment_id, kind, method, message_id, claimed_by, updated_at';

interface RawClaim {
  id: number | string;
  appointment_id: number | string | null;
  kind: string;
  method: 'email' | 'sms';
  message_id: string | null;
  claimed_by: string | null;
  updated_at: Date | string;
}

/** mysql2 hands back a Date; SQLite UTC text, with or without a zone. */
const instant = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T').replace(/ ?([+-]\d{2}:\d{2})$/, '$1')}${/[+-]\d{2}:\d{2}$|Z$/.test(value) ? '' : 'Z'}`);

const toClaim = (r: RawClaim): SentClaimWithoutLog => ({
  id: Number(r.id),
  appointmentId: r.appointment_id === null ? null : Number(r.appointment_id),
  kind: r.kind,
  method: r.method,
  messageId: r.message_id,
  claimedBy: r.claimed_by,
  updatedAt: instant(r.updated_at),
});

type ReferencedTable = 'patients' | 'doctors' | 'appointments';

export class IntegrityStore {
  constructor(private readonly sql: SqlStore) {}

  async existingIds(table: ReferencedTable, ids: Iterable<number>): Promise<Set<number>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Set();
    const rows = await this.sql.sequelize.query<{ id: number | string }>(`SELECT id FROM ${table} WHERE id IN (:ids)`, {
      type: QueryTypes.SELECT,
      replacements: { ids: list },
    });
    return new Set(rows.map((r) => Number(r.id)));
  }

  async appointments(ids: Iterable<number>): Promise<Map<number, AppointmentRef>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Map();
    const rows = await this.sql.sequelize.query<{ id: number | string; patient_id: number | string; doctor_id: number | string; status: string }>(
      'SELECT id, patient_id, doctor_id, status FROM appointments WHERE id IN (:ids)',
      { type: QueryTypes.SELECT, replacements: { ids: list } },
    );
    return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), patientId: Number(r.patient_id), doctorId: Number(r.doctor_id), status: r.status }]));
  }

  /** Claims whose send went through (state `sent`) but whose log document was never written. */
  async sentClaimsWithoutLog(limit: number): Promise<{ total: number; claims: SentClaimWithoutLog[] }> {
    const [count] = await this.sql.sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM message_claims WHERE ${SENT_WITHOUT_LOG}`, {
      type: QueryTypes.SELECT,
    });
    const rows = await this.sql.sequelize.query<RawClaim>(`SELECT ${CLAIM_COLUMNS} FROM message_claims WHERE ${SENT_WITHOUT_LOG} ORDER BY id LIMIT :limit`, {
      type: QueryTypes.SELECT,
      replacements: { limit },
    });
    return { total: Number(count?.n ?? 0), claims: rows.map(toClaim) };
  }

  async sentClaimWithoutLog(id: number): Promise<SentClaimWithoutLog | null> {
    const [row] = await this.sql.sequelize.query<RawClaim>(`SELECT ${CLAIM_COLUMNS} FROM message_claims WHERE id = :id AND ${SENT_WITHOUT_LOG}`, {
      type: QueryTypes.SELECT,
      replacements: { id },
    });
    return row ? toClaim(row) : null;
  }

  /** Links the claim to its log document; false when another repair linked it first. */
  async linkClaimToLog(claimId: number, logId: string): Promise<boolean> {
    await this.sql.sequelize.query('UPDATE message_claims SET log_id = :logId WHERE id = :id AND log_id IS NULL', { replacements: { id: claimId, logId } });
    const [row] = await this.sql.sequelize.query<{ log_id: string | null }>('SELECT log_id FROM message_claims WHERE id = :id', {
      type: QueryTypes.SELECT,
      replacements: { id: claimId },
    });
    return row?.log_id === logId;
  }

  async patientContact(patientId: number): Promise<{ email: string; phone: string } | null> {
    const [row] = await this.sql.sequelize.query<{ email: string; phone: string }>('SELECT email, phone FROM patients WHERE id = :id', {
      type: QueryTypes.SELECT,
      replacements: { id: patientId },
    });
    return row ?? null;
  }

  /** The night's run: true for the one workstation whose insert wins the date. */
  async claimRun(runDate: string, workstation: string): Promise<boolean> {
    try {
      await this.sql.sequelize.query('INSERT INTO integrity_runs (run_date, claimed_by) VALUES (:runDate, :workstation)', { replacements: { runDate, workstation } });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintError) return false;
      throw error;
    }
  }

  async finishRun(runDate: string, summary: string, finishedAt: Date): Promise<void> {
    await this.sql.sequelize.query('UPDATE integrity_runs SET finished_at = :finishedAt, summary = :summary WHERE run_date = :runDate', {
      replacements: { runDate, summary, finishedAt },
    });
  }

  /** The newest finished run's summary (JSON text), if any. */
  async lastRun(): Promise<{ runDate: string; claimedBy: string | null; summary: string } | null> {
    const [row] = await this.sql.sequelize.query<{ run_date: string; claimed_by: string | null; summary: string }>(
      'SELECT run_date, claimed_by, summary FROM integrity_runs WHERE summary IS NOT NULL ORDER BY run_date DESC LIMIT 1',
      { type: QueryTypes.SELECT },
    );
    return row ? { runDate: row.run_date, claimedBy: row.claimed_by, summary: row.summary } : null;
  }

  async flags(): Promise<IntegrityFlag[]> {
    const rows = await this.sql.sequelize.query<{ collection_name: string; document_id: string; kind: string }>(
      'SELECT collection_name, document_id, kind FROM integrity_flags',
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ collectionName: r.collection_name, documentId: r.document_id, kind: r.kind }));
  }

  /** false when the document was already flagged for this fault. */
  async flag(flag: IntegrityFlag, flaggedBy: number | null): Promise<boolean> {
    try {
      await this.sql.sequelize.query(
        'INSERT INTO integrity_flags (collection_name, document_id, kind, flagged_by) VALUES (:collectionName, :documentId, :kind, :flaggedBy)',
        { replacements: { ...flag, flaggedBy } },
      );
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintError) return false;
      throw error;
    }
  }
}

