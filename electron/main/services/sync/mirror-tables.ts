/**
 * What the local mirror copies from the clinic server, parents before children (the local file
 * enforces the same foreign keys), and how each table's changes are found:
 * - `updated`: the server stamps every change in updated_at, so changed rows are those stamped
 *   since the cursor; removed rows show up as id buckets whose count or id sum differ;
 * - `immutable`: rows are inserted and deleted, never changed: bucket comparison finds both;
 * - `small`: no change stamp and a few hundred rows at most: compared whole on every pull.
 */
export type MirrorStrategy = 'updated' | 'immutable' | 'small';

export interface MirrorTable {
  table: string;
  strategy: MirrorStrategy;
  /**
   * Password hashes: the mirror keeps a stand-in (services/auth/mirrored-hash.ts), never the
   * hash. Offline sign-in checks passwords against `offline_verifiers`, which holds the hashes of
   * only those who signed in on this workstation.
   */
  passwordHashColumn?: string;
}

export const MIRROR_TABLES: readonly MirrorTable[] = [
  // a setting names the staff member who saved it (updated_by): the accounts come first
  { table: 'admin', strategy: 'small', passwordHashColumn: 'password_hash' },
  { table: 'clinic_settings', strategy: 'updated' },
  { table: 'doctors', strategy: 'updated', passwordHashColumn: 'password_hash' },
  { table: 'patients', strategy: 'updated', passwordHashColumn: 'password_hash' },
  { table: 'doctor_availability', strategy: 'small' },
  { table: 'doctor_unavailable_dates', strategy: 'small' },
  // appointments point at their series: the series come first
  { table: 'appointment_series', strategy: 'immutable' },
  { table: 'appointments', strategy: 'updated' },
  // today's walk-ins and the waiting list: a few hundred rows, no change stamp
  { table: 'walk_in_queue', strategy: 'small' },
  { table: 'waiting_list', strategy: 'small' },
];

/** Rows per id bucket when comparing the two sides for removed (or missed) rows. */
export const ID_BUCKET = 1000;
/**
 * Rows stamped this long before the cursor are read again: a transaction that committed late
 * can carry an updated_at earlier than rows another one committed first.
 */
export const CURSOR_OVERLAP_MS = 5 * 60_000;
/**
 * The calendar's every-few-seconds pull (pullRecentChanges) reads rows stamped this long before
 * the server's clock at its previous read, instead of the whole overlap before the newest stamp:
 * after a change of many rows at once (an import, a generated clinic) the whole overlap held all
 * of them, and each poll read and compared them all again. Longer than a statement may wait on
 * the server (60 s); a change committed later still than that comes with the next full pull,
 * which keeps CURSOR_OVERLAP_MS.
 */
export const RECENT_OVERLAP_MS = 60_000;
